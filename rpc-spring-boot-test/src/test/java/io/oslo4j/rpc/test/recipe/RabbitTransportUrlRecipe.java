package io.oslo4j.rpc.test.recipe;

import java.time.Duration;

import io.oslo4j.rpc.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.rabbitmq.RabbitMQContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's recipe for an application whose configuration sets
 * {@code rpc.transport-url} (which wins over a service connection): the container's
 * address goes into that property.
 * <p>
 * Compiled in every build, but not a test the build runs (its name does not end in
 * {@code Test}): it needs a container runtime. Run it by hand where one is, as
 * {@link RabbitServiceConnectionRecipe} says.
 */
@SpringBootTest(classes = RabbitTransportUrlRecipe.Application.class)
@Testcontainers
@EnabledIfEnvironmentVariable(named = "OSLO4J_TESTCONTAINERS", matches = "true",
		disabledReason = "needs a container runtime; set OSLO4J_TESTCONTAINERS=true where Docker or Podman runs")
class RabbitTransportUrlRecipe {

	@Container
	static RabbitMQContainer rabbit = new RabbitMQContainer("rabbitmq:4.0-management");

	@DynamicPropertySource
	static void rabbitProperties(DynamicPropertyRegistry registry) {
		registry.add("rpc.transport-url", () -> "rabbit://" + rabbit.getAdminUsername() + ":"
				+ rabbit.getAdminPassword() + "@" + rabbit.getHost() + ":" + rabbit.getAmqpPort() + "/");
	}

	@Autowired
	Transport transport;

	@Test
	void theTransportIsTheContainersBroker() {
		assertThat(this.transport.url().hosts().get(0).effectivePort()).isEqualTo(rabbit.getAmqpPort());
		assertThat(this.transport.connect(Duration.ofSeconds(30))).isTrue();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
