package io.oslo4j.rpc.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.annotation.RpcCast;
import io.oslo4j.rpc.annotation.RpcClient;
import io.oslo4j.rpc.annotation.RpcFanout;
import io.oslo4j.rpc.annotation.RpcParam;
import io.oslo4j.rpc.client.RpcClients;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Interface proxies: calls, async calls, casts, fanout casts, context, prepare.
 */
@Timeout(30)
class ClientProxyTest {

	private final Transport transport = Transports.create("fake:///" + MessageIds.next());

	@AfterEach
	void close() {
		this.transport.close();
	}

	@RpcClient("calc")
	interface Calculator {

		int add(int a, int b);

		CompletableFuture<Integer> addAsync(@RpcParam("a") int x, @RpcParam("b") int y);

		CalculatorEndpoint.Point move(CalculatorEndpoint.Point point, int dx);

		Map<String, Object> whoami(RpcContext ctx);

		@RpcCast
		void record(Object event);

		@RpcFanout
		void fanoutRecord(Object event);

		default int twice(int a) {
			return add(a, a);
		}

	}

	interface BadFanout {

		@RpcFanout
		int refresh();

	}

	static class NotAnInterface {

	}

	@Test
	void everyKindOfMethodWorks() {
		CalculatorEndpoint one = new CalculatorEndpoint("s1") {
			public int addAsync(int a, int b) {
				return add(a, b);
			}

			public void fanoutRecord(Object event) {
				record(event);
			}
		};
		CalculatorEndpoint two = new CalculatorEndpoint("s2") {
			public void fanoutRecord(Object event) {
				record(event);
			}
		};
		try (RpcServer s1 = RpcServer.create(this.transport, Target.server("calc", "s1"), one).start();
				RpcServer s2 = RpcServer.create(this.transport, Target.server("calc", "s2"), two).start()) {
			Calculator calc = RpcClients.create(Calculator.class,
					new io.oslo4j.rpc.client.RpcTemplate(this.transport, Target.topic("calc")),
					() -> RpcContext.of(Map.of("request_id", "req-default")));
			Calculator toOne = RpcClients.prepare(calc, (p) -> p.server("s1").timeout(Duration.ofSeconds(5)));
			assertThat(calc.add(2, 3)).isEqualTo(5);
			assertThat(calc.twice(4)).isEqualTo(8);
			assertThat(toOne.addAsync(1, 2).join()).isEqualTo(3);
			assertThat(calc.move(new CalculatorEndpoint.Point(1, 1), 2)).isEqualTo(new CalculatorEndpoint.Point(3, 1));
			assertThat(toOne.whoami(RpcContext.of(Map.of("user_id", "u9")))).containsEntry("server", "s1")
				.extractingByKey("context")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("user_id", "u9");
			assertThat(calc.whoami(null)).extractingByKey("context")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("request_id", "req-default");
			toOne.record("cast");
			calc.fanoutRecord("fan");
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				assertThat(one.events).containsExactlyInAnyOrder("cast", "fan");
				assertThat(two.events).containsExactly("fan");
			});
			assertThat(calc.toString()).contains(Calculator.class.getName());
		}
	}

	@Test
	void mistakesFailWhenTheProxyIsMadeNamingTheInterfaceAndMethod() {
		io.oslo4j.rpc.client.RpcTemplate client = new io.oslo4j.rpc.client.RpcTemplate(this.transport,
				Target.topic("calc"));
		assertThatIllegalArgumentException().isThrownBy(() -> RpcClients.create(BadFanout.class, client))
			.withMessageContaining(BadFanout.class.getName() + ".refresh()")
			.withMessageContaining("must return void");
		assertThatIllegalArgumentException().isThrownBy(() -> RpcClients.create(NotAnInterface.class, client))
			.withMessage("@RpcClient can only be specified on an interface: " + NotAnInterface.class.getName());
	}

}
