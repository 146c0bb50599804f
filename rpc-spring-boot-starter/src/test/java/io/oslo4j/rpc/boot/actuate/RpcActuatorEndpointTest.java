package io.oslo4j.rpc.boot.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.ClientDescriptor;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.EndpointDescriptor;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.ListenerDescriptor;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.ServerDescriptor;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.TargetDescriptor;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.TransportDescriptor;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.autoconfigure.RpcClientFactory;
import io.oslo4j.rpc.boot.notify.RpcNotificationAutoConfiguration;
import io.oslo4j.rpc.boot.notify.RpcNotificationTransport;
import io.oslo4j.rpc.client.ReplyWaiter;
import io.oslo4j.rpc.transport.AbstractTransport;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The content of the {@code rpc} Actuator endpoint on {@code fake://}, and when it
 * exists.
 */
@Timeout(60)
class RpcActuatorEndpointTest {

	private final String vhost = MessageIds.next();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class,
				RpcActuatorEndpointAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake://nova:s3cret@localhost/" + this.vhost, "rpc.server.name=host-1",
				"rpc.control-exchange=nova", "rpc.naming.methods=snake_case", "rpc.naming.arguments=snake_case");

	private final ApplicationContextRunner exposed = this.runner
		.withPropertyValues("management.endpoints.web.exposure.include=rpc");

	@Test
	void showsEachServerWithTheWireNamesOfItsMethodsAndArguments() {
		this.exposed.withPropertyValues("rpc.server.executor-threads=2")
			.withBean(ComputeEndpoint.class)
			.run((context) -> {
				RpcDescriptor rpc = context.getBean(RpcActuatorEndpoint.class).rpc();
				assertThat(rpc.servers()).singleElement().satisfies((server) -> {
					assertThat(server)
						.extracting(ServerDescriptor::topic, ServerDescriptor::server, ServerDescriptor::exchange,
								ServerDescriptor::running, ServerDescriptor::inFlight)
						.containsExactly("compute", "host-1", "nova", true, 0);
					assertThat(server.workers()).isNotNull();
					assertThat(server.workers().maxActive()).isEqualTo(2);
					assertThat(server.endpoints())
						.containsExactly(new EndpointDescriptor(ComputeEndpoint.class.getName(), "compute_api", "2.3",
								Map.of("build_instance", List.of("instance_name", "flavor"), "ping", List.of())));
				});
			});
	}

	@Test
	void showsEachClientWithItsTargetTimeoutAndVersionCap() {
		this.exposed
			.withPropertyValues("rpc.clients.compute.timeout=15s", "rpc.clients.compute.version-cap=2.5",
					"rpc.clients.scheduler.topic=scheduler", "rpc.clients.scheduler.fanout=true",
					"rpc.clients.scheduler.exchange=openstack", "rpc.clients.scheduler.call-monitor-timeout=5s",
					"rpc.response-timeout=30s")
			.run((context) -> {
				RpcClientFactory factory = context.getBean(RpcClientFactory.class);
				factory.create(ComputeClient.class);
				factory.client("scheduler");
				Map<String, ClientDescriptor> clients = context.getBean(RpcActuatorEndpoint.class).rpc().clients();
				assertThat(clients).containsOnlyKeys("compute", "scheduler");
				assertThat(clients.get("compute")).isEqualTo(new ClientDescriptor("compute", null, "nova", false,
						"compute_api", "2.1", "2.5", "PT15S", null));
				assertThat(clients.get("scheduler")).isEqualTo(
						new ClientDescriptor("scheduler", null, "openstack", true, null, null, null, "PT30S", "PT5S"));
			});
	}

	@Test
	void showsTheCallsWaitingForTheirReplyAndTheRequestsInFlight() {
		this.exposed.withPropertyValues("rpc.clients.holding.topic=holding", "rpc.server.executor-threads=2")
			.withBean(HoldingEndpoint.class)
			.run((context) -> {
				RpcActuatorEndpoint endpoint = context.getBean(RpcActuatorEndpoint.class);
				CompletableFuture<Boolean> call = context.getBean(RpcClientFactory.class)
					.client("holding")
					.callAsync(RpcContext.empty(), "hold", Map.of(), Boolean.class);
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					RpcDescriptor rpc = endpoint.rpc();
					assertThat(rpc.transport().pendingCalls()).isEqualTo(1);
					assertThat(rpc.transport().inFlight()).isEqualTo(1);
					assertThat(rpc.servers()).singleElement().satisfies((server) -> {
						assertThat(server.inFlight()).isEqualTo(1);
						assertThat(server.workers().active()).isEqualTo(1);
					});
				});
				context.getBean(HoldingEndpoint.class).release.countDown();
				assertThat(call.get(10, TimeUnit.SECONDS)).isTrue();
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					RpcDescriptor rpc = endpoint.rpc();
					assertThat(rpc.transport().pendingCalls()).isZero();
					assertThat(rpc.transport().inFlight()).isZero();
					assertThat(rpc.servers().get(0).workers().completed()).isEqualTo(1);
				});
			});
	}

	@Test
	void showsEachNotificationListenerWithItsPoolPrioritiesAndFilters() {
		this.exposed.withBean(ComputeEndpoint.class).run((context) -> {
			List<ListenerDescriptor> listeners = context.getBean(RpcActuatorEndpoint.class)
				.rpc()
				.notificationListeners();
			assertThat(listeners).singleElement().satisfies((listener) -> {
				assertThat(listener.targets()).containsExactly(new TargetDescriptor("notifications", "nova"));
				assertThat(listener.pool()).isEqualTo("audit");
				assertThat(listener.priorities()).containsExactly("info", "error");
				assertThat(listener.filters()).containsExactly(Map.of("event_type", "^compute\\.instance\\."));
				assertThat(listener.running()).isTrue();
			});
		});
	}

	@Test
	void showsTheTransportWithItsPasswordMasked() {
		this.exposed.run((context) -> {
			RpcDescriptor rpc = context.getBean(RpcActuatorEndpoint.class).rpc();
			TransportDescriptor transport = rpc.transport();
			assertThat(transport.url()).isEqualTo("fake://nova:****@localhost/" + this.vhost).doesNotContain("s3cret");
			assertThat(transport.driver()).isEqualTo("fake");
			assertThat(transport.controlExchange()).isEqualTo("nova");
			assertThat(transport.connected()).isTrue();
			assertThat(transport.pendingCalls()).isZero();
			assertThat(transport.inFlight()).isZero();
			assertThat(transport.rabbit()).isNull();
			assertThat(rpc.notificationTransport()).isNull();
			assertThat(rpc.servers()).isEmpty();
			assertThat(rpc.clients()).isEmpty();
			assertThat(rpc.notificationListeners()).isEmpty();
			assertThat(rpc.toString()).doesNotContain("s3cret");
		});
	}

	@Test
	void showsANotificationTransportOfItsOwnWithItsPasswordMasked() {
		String other = MessageIds.next();
		this.exposed.withPropertyValues("rpc.notifications.transport-url=fake://ceilometer:t0ken@localhost/" + other)
			.run((context) -> {
				TransportDescriptor notifications = context.getBean(RpcActuatorEndpoint.class)
					.rpc()
					.notificationTransport();
				assertThat(notifications).isNotNull();
				assertThat(notifications.url()).isEqualTo("fake://ceilometer:****@localhost/" + other);
				assertThat(notifications.pendingCalls()).isZero();
				// reading it made no reply waiter on a transport that makes no call
				AbstractTransport transport = (AbstractTransport) context.getBean(RpcNotificationTransport.class)
					.transport();
				assertThat(transport.existingComponent(ReplyWaiter.class)).isNull();
			});
	}

	@Test
	void isNotAvailableUntilExposedLikeBootsOwnEndpoints() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RpcActuatorEndpoint.class));
	}

	@Test
	void isRemovedWithAccessNone() {
		this.exposed.withPropertyValues("management.endpoint.rpc.access=NONE")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RpcActuatorEndpoint.class));
	}

	@Test
	void withoutActuatorThereIsNoEndpoint() {
		this.exposed.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RpcActuatorEndpoint.class));
	}

}
