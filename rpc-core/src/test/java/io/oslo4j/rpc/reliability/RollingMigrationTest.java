package io.oslo4j.rpc.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.rabbit.DeclarationException;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Rolling migration between oslo's default mode and {@code rabbit_transient_quorum_queue}
 * on the shared broker: servers of one mode serve a topic under calls and casts while a
 * server of the other mode starts. The new server cannot declare the topic's fanout
 * exchange (its durability differs) and fails at once with an error that names the
 * option; the running servers lose nothing and no call hangs.
 */
@Timeout(120)
class RollingMigrationTest {

	private static final String TRANSIENT_QUORUM = "?rabbit_transient_quorum_queue=true";

	@ParameterizedTest(name = "{0} servers running, a {1} server starts")
	@CsvSource({ "default, transient-quorum", "transient-quorum, default" })
	void theServerThatCannotDeclareNamesTheOptionAndTheRunningOnesLoseNothing(String running, String starting)
			throws Exception {
		String topic = "faults_migration_" + running.charAt(0) + "_" + System.nanoTime();
		List<String> replyQueues = new ArrayList<>();
		try (Transport old = Transports.create(url(running)); Transport fresh = Transports.create(url(starting))) {
			FaultEndpoint endpoint = new FaultEndpoint("old");
			RpcServer server = RpcServer.create(old, Target.server(topic, "old"), endpoint).start();
			RpcTemplate client = new RpcTemplate(old, Target.topic(topic),
					ClientOptions.defaults().withTimeout(Duration.ofSeconds(5)));
			MixedLoad load = new MixedLoad(client, client, "migration", 50).start(2, 1);
			LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));

			DeclarationException refused = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchDeclaration(
					() -> RpcServer.create(fresh, Target.server(topic, "new"), new FaultEndpoint("new")).start()));
			LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
			load.stop();
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.until(() -> load.castsConfirmed.stream().allMatch(endpoint.casts()::containsKey));
			// the client's reply queue, to delete (the handler is the client's own)
			replyQueues.add(old.replyQueue((message) -> {
			}));
			long twice = endpoint.casts().values().stream().filter((count) -> count.get() > 1).count();
			System.out.printf(
					"[faults] rolling migration, %s servers running, a %s server starts: refused with "
							+ "\"%s\" (advice: %s); %s; casts sent %d, processed once %d%n",
					running, starting, refused.getMessage(), refused.advice(), load.callFigures(),
					load.castsConfirmed.size(), load.castsConfirmed.size() - twice);

			assertThat(refused.getMessage() + " " + refused.advice()).contains("rabbit_transient_quorum_queue");
			assertThat(load.unexpectedFailures()).isEmpty();
			assertThat(load.callsFailed.get()).as("calls failed").isZero();
			assertThat(load.callsOk.get()).isPositive();
			assertThat(twice).as("casts processed twice").isZero();
			server.close();
		}
		finally {
			BrokerQueues.delete(List.of(topic, topic + ".old", topic + ".new"));
			BrokerQueues.delete(replyQueues);
			SharedBroker.deleteQueues(topic + "_fanout");
			deleteExchange(topic + "_fanout");
		}
	}

	private static DeclarationException catchDeclaration(Runnable start) {
		try {
			start.run();
		}
		catch (DeclarationException ex) {
			return ex;
		}
		throw new AssertionError("the server of the other mode started");
	}

	private static String url(String mode) {
		return TestBroker.url() + ("transient-quorum".equals(mode) ? TRANSIENT_QUORUM : "");
	}

	private static void deleteExchange(String name) throws Exception {
		try (Connection connection = BrokerQueues.rawConnectionFactory(TestBroker.url()).newConnection();
				Channel channel = connection.createChannel()) {
			channel.exchangeDelete(name);
		}
	}

}
