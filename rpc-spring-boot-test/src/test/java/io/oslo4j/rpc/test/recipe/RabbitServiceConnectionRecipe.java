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
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's recipe: a RabbitMQ container as the application's broker through Spring
 * Boot's service connection. With no {@code rpc.transport-url} set, the starter takes the
 * broker from the {@code RabbitConnectionDetails} that {@code @ServiceConnection} makes.
 * <p>
 * Compiled in every build so that the recipe stays right, but not a test the build runs
 * (its name does not end in {@code Test}): it needs a container runtime. Run it by hand
 * where one is, with
 * {@code OSLO4J_TESTCONTAINERS=true ./mvnw -pl rpc-spring-boot-test -am
 * test -Dtest=<this class> -Dsurefire.failIfNoSpecifiedTests=false}; the project's own
 * broker tests use the RabbitMQ on the host instead.
 */
@SpringBootTest(classes = RabbitServiceConnectionRecipe.Application.class)
@Testcontainers
@EnabledIfEnvironmentVariable(named = "OSLO4J_TESTCONTAINERS", matches = "true",
		disabledReason = "needs a container runtime; set OSLO4J_TESTCONTAINERS=true where Docker or Podman runs")
class RabbitServiceConnectionRecipe {

	@Container
	@ServiceConnection
	static RabbitMQContainer rabbit = new RabbitMQContainer("rabbitmq:4.0-management");

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
