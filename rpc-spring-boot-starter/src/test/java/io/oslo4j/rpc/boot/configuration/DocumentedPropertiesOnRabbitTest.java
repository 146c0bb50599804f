package io.oslo4j.rpc.boot.configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.autoconfigure.RpcClientFactory;
import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.test.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * What the broker sees of the documented properties, on the host's RabbitMQ, two
 * applications each in a virtual host of its own: the negotiated heartbeat, the prefetch
 * and confirm mode of channels, the type, durability and arguments of the declared queues
 * and exchanges, queue-manager names, and a call to a server that never answers failing
 * after {@code rpc.response-timeout}, all written as in {@code application.yml}.
 */
@Timeout(120)
class DocumentedPropertiesOnRabbitTest {

	private final String id = UUID.randomUUID().toString().substring(0, 8);

	/** The virtual hosts of the two applications. */
	private final String quorum = "oslo4j-config-q-" + this.id;

	private final String durable = "oslo4j-config-d-" + this.id;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
		.withBean(ConfigEndpoint.class);

	@AfterEach
	void deleteVirtualHosts() {
		parallel(List.of(List.of("delete_vhost", this.quorum), List.of("delete_vhost", this.durable)));
	}

	@Test
	void theBrokerSeesWhatTwoApplicationsConfigured() {
		String baseUrl = TestBroker.url();
		parallel(List.of(List.of("add_vhost", this.quorum), List.of("add_vhost", this.durable)));
		parallel(List.of(List.of("set_permissions", "-p", this.quorum, "guest", ".*", ".*", ".*"),
				List.of("set_permissions", "-p", this.durable, "guest", ".*", ".*", ".*")));
		String quorumYaml = """
				spring:
				  application:
				    name: cfg
				rpc:
				  transport-url: %s
				  control-exchange: cfg_exchange
				  response-timeout: 2
				  server:
				    topic: cfgtopic
				    name: node-1
				  clients:
				    slow:
				      topic: cfgtopic
				  rabbit:
				    heartbeat: 25
				    prefetch: 7
				    transient-queues-ttl: 10m
				    quorum-queues: true
				    quorum-delivery-limit: 5
				    quorum-max-memory-length: 100
				    quorum-max-memory-bytes: 1MB
				    queue-manager:
				      enabled: true
				      hostname: cfghost
				      process-name: cfgproc
				""".formatted(url(baseUrl, this.quorum));
		String durableYaml = """
				rpc:
				  transport-url: %s
				  control-exchange: cfg_durable
				  server:
				    topic: cfgdurable
				    name: node-2
				  clients:
				    cfgdurable:
				      topic: cfgdurable
				  rabbit:
				    durable-queues: true
				    confirms: false
				    heartbeat: 40s
				    transient-queues-ttl: 0
				""".formatted(url(baseUrl, this.durable));
		PropertyCase.withYaml(this.runner, quorumYaml)
			.run((quorumApp) -> PropertyCase.withYaml(this.runner, durableYaml).run((durableApp) -> {
				RpcTemplate slow = serving(quorumApp).client("slow");
				assertThat(slow.call(RpcContext.empty(), "echo", Map.of("text", "hi"), String.class)).isEqualTo("hi");
				serving(durableApp).client("cfgdurable").cast(RpcContext.empty(), "echo", Map.of("text", "published"));

				long started = System.nanoTime();
				Throwable timeout = catchThrowable(
						() -> slow.call(RpcContext.empty(), "never", Map.of(), String.class));
				Duration waited = Duration.ofNanos(System.nanoTime() - started);
				quorumApp.getBean(ConfigEndpoint.class).release();
				System.out
					.println("config: a call nobody answers failed after " + waited.toMillis() + " ms: " + timeout);
				assertThat(timeout).isInstanceOf(RpcTimeoutException.class);
				assertThat(waited).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));

				List<String> listings = parallel(List.of(List.of("list_connections", "vhost", "timeout"),
						List.of("list_channels", "vhost", "confirm"),
						List.of("list_consumers", "-p", this.quorum, "queue_name", "prefetch_count"),
						List.of("list_queues", "-p", this.quorum, "name", "type", "durable", "arguments"),
						List.of("list_queues", "-p", this.durable, "name", "type", "durable", "arguments"),
						List.of("list_exchanges", "-p", this.quorum, "name", "type", "durable"),
						List.of("list_exchanges", "-p", this.durable, "name", "type", "durable")));
				System.out.println("config: the broker's listings\n" + String.join("\n", listings));

				// rpc.rabbit.heartbeat, bare seconds and with a unit (0 would not turn it
				// off: amqp-client then takes the broker's own)
				assertThat(column(listings.get(0), this.quorum)).isNotEmpty().containsOnly("25");
				assertThat(column(listings.get(0), this.durable)).isNotEmpty().containsOnly("40");
				// rpc.rabbit.confirms: the publisher channel of the first application
				// confirms
				assertThat(column(listings.get(1), this.quorum)).contains("true");
				assertThat(column(listings.get(1), this.durable)).isNotEmpty().containsOnly("false");
				// rpc.rabbit.prefetch: the server's three consumers (the reply consumer
				// has a
				// prefetch of its own)
				assertThat(listings.get(2).lines().filter((line) -> line.startsWith("cfgtopic"))).hasSize(3)
					.allSatisfy((line) -> assertThat(line).endsWith("\t7"));
				String quorumQueues = listings.get(3);
				assertThat(line(quorumQueues, "cfgtopic\t")).contains("\tquorum\ttrue\t")
					.contains("{\"x-delivery-limit\",5}")
					.contains("{\"x-max-in-memory-length\",100}")
					.contains("{\"x-max-in-memory-bytes\",1048576}");
				assertThat(line(quorumQueues, "reply_cfghost:cfgproc:")).contains("{\"x-expires\",600000}");
				assertThat(line(quorumQueues, "cfgtopic_fanout_cfghost:cfgproc:")).contains("{\"x-expires\",600000}");
				String durableQueues = listings.get(4);
				assertThat(line(durableQueues, "cfgdurable\t")).isEqualTo("cfgdurable\tclassic\ttrue\t[]");
				assertThat(line(durableQueues, "cfgdurable_fanout_")).doesNotContain("x-expires");
				assertThat(line(listings.get(5), "cfg_exchange\t")).isEqualTo("cfg_exchange\ttopic\ttrue");
				assertThat(line(listings.get(6), "cfg_durable\t")).isEqualTo("cfg_durable\ttopic\ttrue");
			}));
	}

	/** The test broker's URL with another virtual host. */
	private static String url(String baseUrl, String vhost) {
		return baseUrl.substring(0, baseUrl.indexOf('/', "rabbit://".length()) + 1) + vhost;
	}

	/** Waits until the endpoint's server consumes, and returns the client factory. */
	private static RpcClientFactory serving(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		RpcEndpointRegistry registry = context.getBean(RpcEndpointRegistry.class);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !registry.servers().isEmpty()
					&& registry.servers().stream().allMatch((server) -> server.consumerCount() == 3));
		assertThat(registry.servers()).extracting(RpcServer::target).isNotEmpty();
		return context.getBean(RpcClientFactory.class);
	}

	/**
	 * The second column of the lines of a listing whose first column is {@code vhost}.
	 */
	private static List<String> column(String listing, String vhost) {
		return listing.lines()
			.map((line) -> line.split("\t"))
			.filter((fields) -> fields[0].equals(vhost))
			.map((fields) -> fields[1])
			.toList();
	}

	/**
	 * Runs {@code rabbitmqctl --silent} commands at the same time (each takes seconds).
	 */
	private static List<String> parallel(List<List<String>> commands) {
		List<CompletableFuture<String>> outputs = commands.stream()
			.map((command) -> CompletableFuture.supplyAsync(() -> ctl(command)))
			.toList();
		return outputs.stream().map(CompletableFuture::join).toList();
	}

	private static String ctl(List<String> command) {
		List<String> silent = new ArrayList<>(command);
		silent.add(1, "--silent");
		try {
			return TestBroker.rabbitmqctl(silent.toArray(String[]::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String line(String listing, String prefix) {
		return listing.lines()
			.filter((line) -> line.startsWith(prefix))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line starting with " + prefix + " in\n" + listing));
	}

}
