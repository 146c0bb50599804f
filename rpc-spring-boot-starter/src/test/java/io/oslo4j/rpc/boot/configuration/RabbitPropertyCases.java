package io.oslo4j.rpc.boot.configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.oslo4j.rpc.rabbit.RabbitOptions;
import io.oslo4j.rpc.rabbit.RabbitTransport;
import io.oslo4j.rpc.transport.Transport;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented {@code rpc.rabbit.*} properties, each with a value other than its
 * default, checked on the options the RabbitMQ transport runs with (oslo's names, oslo's
 * units). What of it shows on the wire is checked against a broker by
 * {@link DocumentedPropertiesOnRabbitTest}.
 */
final class RabbitPropertyCases {

	private RabbitPropertyCases() {
	}

	static List<PropertyCase> all(Path ca) {
		return List.of(rabbit("rpc.rabbit.durable-queues", "durable-queues: true", RabbitOptions::durableQueues, true),
				rabbit("rpc.rabbit.quorum-queues", "quorum-queues: true", RabbitOptions::quorumQueue, true),
				rabbit("rpc.rabbit.transient-quorum-queues", "transient-quorum-queues: true",
						RabbitOptions::transientQuorumQueue, true),
				rabbit("rpc.rabbit.stream-fanout",
						"stream-fanout: true\n    transient-quorum-queues: true\n" + "    prefetch: 1",
						RabbitOptions::streamFanout, true),
				rabbit("rpc.rabbit.queue-manager.enabled", "queue-manager:\n      enabled: true",
						RabbitOptions::useQueueManager, true),
				rabbit("rpc.rabbit.queue-manager.hostname",
						"queue-manager:\n      enabled: true\n      hostname: compute-1", RabbitOptions::hostname,
						"compute-1"),
				rabbit("rpc.rabbit.queue-manager.process-name",
						"queue-manager:\n      enabled: true\n      process-name: nova-api", RabbitOptions::processname,
						"nova-api"),
				rabbit("rpc.rabbit.transient-queues-ttl (a unit)", "transient-queues-ttl: 5m",
						RabbitOptions::transientQueuesTtl, 300),
				rabbit("rpc.rabbit.quorum-delivery-limit", "quorum-delivery-limit: 5",
						RabbitOptions::quorumDeliveryLimit, 5),
				rabbit("rpc.rabbit.quorum-max-memory-length", "quorum-max-memory-length: 1000",
						RabbitOptions::quorumMaxMemoryLength, 1000),
				rabbit("rpc.rabbit.quorum-max-memory-bytes (a data size)", "quorum-max-memory-bytes: 64MB",
						RabbitOptions::quorumMaxMemoryBytes, 64 * 1024 * 1024),
				rabbit("rpc.rabbit.prefetch", "prefetch: 10", RabbitOptions::qosPrefetchCount, 10),
				rabbit("rpc.rabbit.heartbeat (bare seconds)", "heartbeat: 30", RabbitOptions::heartbeat, 30),
				rabbit("rpc.rabbit.confirms", "confirms: false", RabbitOptions::confirmPublish, false),
				rabbit("rpc.rabbit.failover-strategy", "failover-strategy: shuffle", RabbitOptions::shuffleHosts, true),
				rabbit("rpc.rabbit.reply-retry-timeout (bare seconds)", "reply-retry-timeout: 90",
						RabbitOptions::missingConsumerRetryTimeout, Duration.ofSeconds(90)),
				rabbit("rpc.rabbit.pool-size", "pool-size: 5", RabbitOptions::connectionPoolSize, 5),
				rabbit("rpc.rabbit.direct-reply-to", "direct-reply-to: true", RabbitOptions::directReplyTo, true),
				rabbit("rpc.rabbit.reconnect-splay (milliseconds)", "reconnect-splay: 500ms",
						RabbitOptions::reconnectSplay, Duration.ofMillis(500)),
				rabbit("rpc.rabbit.options.<name> (oslo names and units)",
						"options:\n      rabbit_qos_prefetch_count: 12\n      rabbit_retry_interval: 2\n"
								+ "      heartbeat_timeout_threshold: 20",
						(options) -> List.of(options.qosPrefetchCount(), options.retryInterval(), options.heartbeat()),
						List.of(12, Duration.ofSeconds(2), 20)),
				rabbit("rpc.rabbit.ssl.enabled", "ssl:\n      enabled: true", RabbitOptions::ssl, true),
				PropertyCase.of("rpc.rabbit.ssl.bundle",
						"spring:\n  ssl:\n    bundle:\n      pem:\n        rabbit:\n          truststore:\n"
								+ "            certificate: " + ca.toUri() + "\nrpc:\n  rabbit:\n    ssl:\n"
								+ "      bundle: rabbit\n",
						(context) -> {
							RabbitTransport transport = transport(context);
							assertThat(transport.options().ssl()).isTrue();
							assertThat(transport.settings().sslContext()).isNotNull();
						}),
				rabbit("rpc.rabbit.ssl.verify", "ssl:\n      enabled: true\n      verify: false",
						RabbitOptions::sslVerify, false),
				rabbit("rpc.rabbit.ssl.verify-hostname", "ssl:\n      enabled: true\n      verify-hostname: false",
						RabbitOptions::sslEnforceHostnameVerification, false));
	}

	/**
	 * A case under {@code rpc.rabbit}: {@code yaml} is what follows {@code rabbit:},
	 * indented by four spaces.
	 */
	private static PropertyCase rabbit(String property, String yaml, Function<RabbitOptions, Object> actual,
			Object expected) {
		return PropertyCase.of(property, "rpc:\n  rabbit:\n    " + yaml + "\n",
				(context) -> assertThat(actual.apply(transport(context).options())).isEqualTo(expected));
	}

	private static RabbitTransport transport(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return (RabbitTransport) context.getBean(Transport.class);
	}

}
