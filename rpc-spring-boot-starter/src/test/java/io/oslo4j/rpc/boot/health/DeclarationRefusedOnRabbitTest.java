package io.oslo4j.rpc.boot.health;

import io.oslo4j.rpc.boot.test.FailureAnalyses;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.oslo4j.rpc.boot.e2e.RpcRunners;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server in oslo's default mode joining a topic whose {@code <topic>_fanout} exchange
 * is durable, as services running {@code rabbit_transient_quorum_queue=true} declare it
 * (kolla-ansible 2025.1 and later), on RabbitMQ: the broker refuses the declaration with
 * 406, and the advice to set {@code rpc.rabbit.transient-quorum-queues=true} reaches the
 * failure analysis (with {@code rpc.fail-fast=true}) and the health reason (without), and
 * the server starts once it declares what the deployment has.
 */
@Timeout(120)
class DeclarationRefusedOnRabbitTest {

	private static final String PROPERTY = "rpc.rabbit.transient-quorum-queues=true";

	private final String url = TestBroker.url();

	private final String topic = "refused_" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void declareTheDeploymentsFanoutExchange() throws Exception {
		try (Connection connection = BrokerQueues.rawConnectionFactory(this.url).newConnection("deployment")) {
			Channel channel = connection.createChannel();
			channel.exchangeDeclare(this.topic + "_fanout", "fanout", true, true, null);
			// bound, so that the auto-delete exchange stays while the test runs
			channel.queueDeclare(this.topic + "_keeper", true, false, false, null);
			channel.queueBind(this.topic + "_keeper", this.topic + "_fanout", this.topic);
		}
	}

	@AfterEach
	void deleteWhatTheTestDeclared() {
		BrokerQueues.delete(List.of(this.topic + "_keeper", this.topic, this.topic + ".s1"));
	}

	@Test
	void failFastStartupIsAnalyzedWithTheOptionToSet() {
		RpcRunners.server(this.url, this.topic, "s1").withPropertyValues("rpc.fail-fast=true").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			System.out.println(analysis.getDescription() + "\n---\n" + analysis.getAction());
			assertThat(analysis.getDescription()).contains(this.topic + "_fanout").contains("PRECONDITION_FAILED");
			assertThat(analysis.getAction()).contains(PROPERTY);
		});
	}

	@Test
	void withoutFailFastHealthIsDownWithTheOptionToSetUntilTheServerMatchesTheDeployment() {
		RpcRunners.server(this.url, this.topic, "s1").run((context) -> {
			assertThat(context).hasNotFailed();
			RpcHealthIndicator indicator = context.getBean(RpcHealthIndicator.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> indicator.health(true).getDetails().containsKey("reason"));
			Health health = indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("reason")).asString()
				.startsWith("RPC server " + this.topic + ".s1 could not start: ")
				.contains(this.topic + "_fanout")
				.contains(PROPERTY);
		});
		RpcRunners.server(this.url, this.topic, "s1").withPropertyValues(PROPERTY).run((context) -> {
			RpcHealthIndicator indicator = context.getBean(RpcHealthIndicator.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> Status.UP.equals(indicator.health(true).getStatus()));
		});
	}

}
