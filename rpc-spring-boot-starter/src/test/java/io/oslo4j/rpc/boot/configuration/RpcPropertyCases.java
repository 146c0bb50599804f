package io.oslo4j.rpc.boot.configuration;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.boot.autoconfigure.RpcClientFactory;
import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.boot.autoconfigure.RpcProperties;
import io.oslo4j.rpc.boot.health.RpcHealthIndicator;
import io.oslo4j.rpc.boot.health.RpcNotificationsHealthIndicator;
import io.oslo4j.rpc.boot.notify.RpcNotificationListenerRegistry;
import io.oslo4j.rpc.boot.notify.RpcNotificationProperties;
import io.oslo4j.rpc.boot.notify.RpcNotificationTransport;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.notify.NotificationListenerOptions;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.notify.NotifierDriver;
import io.oslo4j.rpc.naming.NamingStrategy;
import io.oslo4j.rpc.naming.WireNames;
import io.oslo4j.rpc.server.AccessPolicy;
import io.oslo4j.rpc.server.AckMode;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.WireCodec;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import static io.oslo4j.rpc.boot.configuration.PropertyCase.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The documented properties outside {@code rpc.rabbit.*}, on {@code fake://}, each with a
 * value other than its default, checked on what the starter made of it: the transport,
 * the servers' options and target, the clients' target and options, the notifier, the
 * listeners' options, the health indicators.
 */
final class RpcPropertyCases {

	private static final String CLIENT = "rpc:\n  clients:\n    c:\n      topic: compute\n";

	private RpcPropertyCases() {
	}

	/**
	 * A payload object whose property name differs between the naming strategies.
	 *
	 * @param instanceUuid the one property
	 */
	record Instance(String instanceUuid) {
	}

	static List<PropertyCase> all() {
		return List.of(
				of("rpc.transport-url (oslo spelling)", "rpc:\n  transport_url: fake:///written-by-oslo\n",
						(context) -> assertThat(transport(context).url().toString()).contains("written-by-oslo")),
				of("rpc.control-exchange", "rpc:\n  control-exchange: nova\n",
						(context) -> assertThat(transport(context).controlExchange()).isEqualTo("nova")),
				of("rpc.response-timeout (bare seconds)", CLIENT.replace("rpc:\n", "rpc:\n  response-timeout: 90\n"),
						(context) -> assertThat(client(context).timeout()).isEqualTo(Duration.ofSeconds(90))),
				of("rpc.call-monitor-timeout", CLIENT.replace("rpc:\n", "rpc:\n  call-monitor-timeout: 2m\n"),
						(context) -> assertThat(client(context).callMonitorTimeout()).isEqualTo(Duration.ofMinutes(2))),
				of("rpc.allowed-remote-exceptions (a YAML list)",
						"rpc:\n  allowed-remote-exceptions:\n    - java.lang.IllegalStateException\n"
								+ "    - java.lang.UnsupportedOperationException\n",
						(context) -> assertThat(properties(context).getAllowedRemoteExceptions()).containsExactly(
								"java.lang.IllegalStateException", "java.lang.UnsupportedOperationException")),
				of("rpc.fail-fast", "rpc:\n  fail-fast: true\n",
						(context) -> assertThat(properties(context).isFailFast()).isTrue()),
				of("rpc.connect-timeout", "rpc:\n  connect-timeout: 1500ms\n",
						(context) -> assertThat(properties(context).getConnectTimeout())
							.isEqualTo(Duration.ofMillis(1500))),
				of("rpc.server.enabled", "rpc:\n  server:\n    enabled: false\n",
						(context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RpcEndpointRegistry.class)),
				of("rpc.server.topic", "rpc:\n  server:\n    topic: inventory\n",
						(context) -> assertThat(served(context).topic()).isEqualTo("inventory")),
				of("rpc.server.name", "rpc:\n  server:\n    name: host-7\n",
						(context) -> assertThat(served(context).server()).isEqualTo("host-7")),
				of("rpc.server.executor-threads", "rpc:\n  server:\n    executor-threads: 8\n",
						(context) -> assertThat(server(context).executorThreads()).isEqualTo(8)),
				of("rpc.server.ack-mode", "rpc:\n  server:\n    ack-mode: after-dispatch\n",
						(context) -> assertThat(server(context).ackMode()).isEqualTo(AckMode.AFTER_DISPATCH)),
				of("rpc.server.shutdown-timeout (bare seconds)", "rpc:\n  server:\n    shutdown-timeout: 5\n",
						(context) -> assertThat(server(context).shutdownTimeout()).isEqualTo(Duration.ofSeconds(5))),
				of("rpc.clients.<name>.topic", CLIENT,
						(context) -> assertThat(target(context).topic()).isEqualTo("compute")),
				of("rpc.clients.<name>.server", CLIENT + "      server: host-2\n",
						(context) -> assertThat(target(context).server()).isEqualTo("host-2")),
				of("rpc.clients.<name>.exchange", CLIENT + "      exchange: nova\n",
						(context) -> assertThat(target(context).exchange()).isEqualTo("nova")),
				of("rpc.clients.<name>.namespace", CLIENT + "      namespace: baseapi\n",
						(context) -> assertThat(target(context).namespace()).isEqualTo("baseapi")),
				of("rpc.clients.<name>.version (a YAML number)", CLIENT + "      version: 5.1\n",
						(context) -> assertThat(target(context).version()).isEqualTo("5.1")),
				of("rpc.clients.<name>.version-cap", CLIENT + "      version-cap: '6.10'\n",
						(context) -> assertThat(client(context).versionCap()).isEqualTo("6.10")),
				of("rpc.clients.<name>.timeout", CLIENT + "      timeout: 30s\n",
						(context) -> assertThat(client(context).timeout()).isEqualTo(Duration.ofSeconds(30))),
				of("rpc.clients.<name>.call-monitor-timeout (bare seconds)",
						CLIENT + "      call-monitor-timeout: 20\n",
						(context) -> assertThat(client(context).callMonitorTimeout())
							.isEqualTo(Duration.ofSeconds(20))),
				of("rpc.clients.<name>.retry", CLIENT + "      retry: -1\n",
						(context) -> assertThat(client(context).retry()).isEqualTo(-1)),
				of("rpc.clients.<name>.fanout", CLIENT + "      fanout: true\n",
						(context) -> assertThat(target(context).fanout()).isTrue()),
				of("rpc.notifications.driver", "rpc:\n  notifications:\n    driver: log\n",
						(context) -> assertThat(notifier(context).driver()).isEqualTo(NotifierDriver.LOG)),
				of("rpc.notifications.topics (a YAML list)",
						"rpc:\n  notifications:\n    topics:\n      - notifications\n      - billing\n",
						(context) -> assertThat(notifier(context).topics()).containsExactly("notifications",
								"billing")),
				of("rpc.notifications.transport-url", "rpc:\n  notifications:\n    transport-url: fake:///notify\n",
						(context) -> {
							RpcNotificationTransport transport = context.getBean(RpcNotificationTransport.class);
							assertThat(transport.isSeparate()).isTrue();
							assertThat(transport.transport().url().toString()).contains("notify");
						}),
				of("rpc.notifications.publisher-id", "rpc:\n  notifications:\n    publisher-id: compute.host1\n",
						(context) -> assertThat(notifier(context).publisherId()).isEqualTo("compute.host1")),
				of("rpc.notifications.listener.enabled",
						"rpc:\n  notifications:\n    listener:\n      enabled: false\n",
						(context) -> assertThat(context).hasNotFailed()
							.doesNotHaveBean(RpcNotificationListenerRegistry.class)),
				of("rpc.notifications.listener.allow-requeue",
						"rpc:\n  notifications:\n    listener:\n      allow-requeue: true\n",
						(context) -> assertThat(listener(context).allowRequeue()).isTrue()),
				of("rpc.notifications.listener.requeue-malformed",
						"rpc:\n  notifications:\n    listener:\n      requeue-malformed: true\n",
						(context) -> assertThat(listener(context).requeueMalformed()).isTrue()),
				of("rpc.notifications.listener.executor-threads",
						"rpc:\n  notifications:\n    listener:\n      executor-threads: 4\n",
						(context) -> assertThat(listener(context).executorThreads()).isEqualTo(4)),
				of("rpc.notifications.listener.shutdown-timeout (bare seconds)",
						"rpc:\n  notifications:\n    listener:\n      shutdown-timeout: 7\n",
						(context) -> assertThat(listener(context).shutdownTimeout()).isEqualTo(Duration.ofSeconds(7))),
				of("rpc.naming.methods", "rpc:\n  naming:\n    methods: snake-case\n",
						(context) -> assertThat(properties(context).getNaming().wireNames())
							.isEqualTo(new WireNames(NamingStrategy.SNAKE_CASE, NamingStrategy.AS_IS))),
				of("rpc.naming.arguments", "rpc:\n  naming:\n    arguments: snake_case\n",
						(context) -> assertThat(properties(context).getNaming().wireNames())
							.isEqualTo(new WireNames(NamingStrategy.AS_IS, NamingStrategy.SNAKE_CASE))),
				of("rpc.naming.payloads", "rpc:\n  naming:\n    payloads: snake-case\n",
						(context) -> assertThat(payload(context)).isEqualTo("{\"instance_uuid\":\"u1\"}")),
				of("rpc.server.access-policy", "rpc:\n  server:\n    access-policy: explicit\n",
						(context) -> assertThat(properties(context).getServer().getAccessPolicy())
							.isEqualTo(AccessPolicy.EXPLICIT)),
				of("rpc.server.queue-capacity", "rpc:\n  server:\n    queue-capacity: 77\n",
						(context) -> assertThat(server(context).queueCapacity()).isEqualTo(77)),
				of("rpc.server.duplicate-cache-size", "rpc:\n  server:\n    duplicate-cache-size: 16\n",
						(context) -> assertThat(server(context).duplicateCacheSize()).isEqualTo(16)),
				of("rpc.server.executor (a bean name)", "rpc:\n  server:\n    executor: noSuchExecutor\n",
						(context) -> assertThat(context).getFailure()
							.hasStackTraceContaining("Invalid value for 'rpc.server.executor'")
							.hasStackTraceContaining("noSuchExecutor")),
				of("rpc.notifications.listener.executor (a bean name)",
						"rpc:\n  notifications:\n    listener:\n      executor: noSuchExecutor\n",
						(context) -> assertThat(context).getFailure()
							.hasStackTraceContaining("Invalid value for 'rpc.notifications.listener.executor'")
							.hasStackTraceContaining("noSuchExecutor")),
				of("rpc.clients.<name>.interceptors (bean names)", CLIENT + "      interceptors: [noSuchInterceptor]\n",
						(context) -> assertThatThrownBy(() -> context.getBean(RpcClientFactory.class).client("c"))
							.hasMessageContaining("rpc.clients.c.interceptors")
							.hasMessageContaining("noSuchInterceptor")),
				of("rpc.start-retry.initial-interval (bare seconds)", "rpc:\n  start-retry:\n    initial-interval: 3\n",
						(context) -> assertThat(properties(context).getStartRetry().getInitialInterval())
							.isEqualTo(Duration.ofSeconds(3))),
				of("rpc.start-retry.multiplier", "rpc:\n  start-retry:\n    multiplier: 1.5\n",
						(context) -> assertThat(properties(context).getStartRetry().getMultiplier()).isEqualTo(1.5)),
				of("rpc.start-retry.max-interval", "rpc:\n  start-retry:\n    max-interval: 2m\n",
						(context) -> assertThat(properties(context).getStartRetry().getMaxInterval())
							.isEqualTo(Duration.ofMinutes(2))),
				of("rpc.notifications.kafka.at-least-once",
						"rpc:\n  notifications:\n    kafka:\n      at-least-once: true\n",
						(context) -> assertThat(kafka(context)).containsEntry("commit_after_dispatch", "true")),
				of("rpc.notifications.kafka.options.<name> (oslo names)",
						"rpc:\n  notifications:\n    kafka:\n      options:\n        consumer_group: billing\n",
						(context) -> assertThat(kafka(context)).containsEntry("consumer_group", "billing")),
				of("management.health.rpc.enabled", "management:\n  health:\n    rpc:\n      enabled: false\n",
						(context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RpcHealthIndicator.class)),
				of("management.health.rpc-notifications.enabled",
						"management:\n  health:\n    rpc-notifications:\n      enabled: false\n",
						(context) -> assertThat(context).hasNotFailed()
							.hasSingleBean(RpcHealthIndicator.class)
							.doesNotHaveBean(RpcNotificationsHealthIndicator.class)));
	}

	private static Transport transport(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(Transport.class);
	}

	private static RpcProperties properties(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(RpcProperties.class);
	}

	private static ClientOptions client(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(RpcClientFactory.class).client("c").options();
	}

	private static Target target(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(RpcClientFactory.class).client("c").target();
	}

	private static RpcServerOptions server(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(RpcEndpointRegistry.class).options();
	}

	private static Target served(AssertableApplicationContext context) {
		RpcEndpointRegistry registry = context.getBean(RpcEndpointRegistry.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> !registry.servers().isEmpty());
		return registry.servers().get(0).target();
	}

	private static String payload(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(WireCodec.class).mapper().writeValueAsString(new Instance("u1"));
	}

	private static Map<String, String> kafka(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(RpcNotificationProperties.class).getKafka().osloOptions();
	}

	private static Notifier notifier(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(Notifier.class);
	}

	private static NotificationListenerOptions listener(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(RpcNotificationListenerRegistry.class).options();
	}

}
