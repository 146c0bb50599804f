package io.oslo4j.rpc.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.observation.RpcKind;
import io.oslo4j.rpc.test.app.BillingClient;
import io.oslo4j.rpc.test.app.HarnessTestApplication;
import io.oslo4j.rpc.test.app.InventoryClient;
import io.oslo4j.rpc.test.app.InventoryClient.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the harness records and how its stubs answer, through the application's own
 * {@code @RpcClient} and {@code Notifier}.
 */
@SpringBootTest(classes = HarnessTestApplication.class)
@AutoConfigureRpcTest
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RpcTestHarnessTest {

	@Autowired
	RpcTestHarness rpc;

	@Autowired
	InventoryClient inventory;

	@Autowired
	Notifier notifier;

	@Autowired
	BillingClient billing;

	@Test
	void aStubAnswersWithAValueThatTheClientReadsAsItsReturnType() {
		this.rpc.stub("inventory").on("reserve").willReturn(new Item("A-1", 2));
		assertThat(this.inventory.reserve(RpcContext.empty(), "A-1", 2)).isEqualTo(new Item("A-1", 2));
	}

	@Test
	void aStubAnswersWithAFunctionOfTheArgumentsAndContext() {
		this.rpc.stub("inventory")
			.on("reserve")
			.willAnswer((request) -> Map.of("sku", request.arg("sku"), "reserved", request.arg("count")))
			.on("skus")
			.willAnswer((request) -> List.of(String.valueOf(request.context().get("user_id"))));
		assertThat(this.inventory.reserve(RpcContext.empty(), "B-7", 5)).isEqualTo(new Item("B-7", 5));
		assertThat(this.inventory.skus()).containsExactly("null");
	}

	@Test
	void aStubOnAnExchangeAnswersAClientThatNamesThatExchange() {
		this.rpc.stub("billing-exchange", "billing").on("invoice").willReturn("inv-1");
		assertThat(this.billing.invoice("order-1")).isEqualTo("inv-1");
		assertThat(this.rpc.awaitRequest("billing", "invoice").target().exchange()).isEqualTo("billing-exchange");
		assertThatIllegalStateException().isThrownBy(() -> this.rpc.stub("billing"))
			.withMessageContaining("Topic 'billing' is already stubbed on exchange 'billing-exchange'")
			.withMessageContaining("rpc.clients.<name>.exchange");
	}

	@Test
	void aStubThrowsARemoteErrorAsOsloSendsIt() {
		this.rpc.stub("inventory").on("reserve").willThrow("inventory.exception.OutOfStock", "Only 1 left of A-1");
		assertThatExceptionOfType(RemoteRpcException.class)
			.isThrownBy(() -> this.inventory.reserve(RpcContext.empty(), "A-1", 2))
			.satisfies((ex) -> {
				assertThat(ex.remoteClass()).isEqualTo("OutOfStock");
				assertThat(ex.remoteModule()).isEqualTo("inventory.exception");
				assertThat(ex.remoteMessage()).isEqualTo("Only 1 left of A-1");
			});
	}

	@Test
	void aStubThrowsAPythonBuiltInWhenTheClassNameHasNoModule() {
		this.rpc.stub("inventory").on("skus").willThrow("ValueError", "bad");
		assertThatExceptionOfType(RemoteRpcException.class).isThrownBy(this.inventory::skus).satisfies((ex) -> {
			assertThat(ex.remoteClass()).isEqualTo("ValueError");
			assertThat(ex.remoteModule()).isEqualTo("builtins");
		});
	}

	@Test
	void aStubFunctionThatThrowsAnswersWithThatExceptionAsTheRemoteFailure() {
		this.rpc.stub("inventory").on("skus").willAnswer((request) -> {
			throw new IllegalStateException("stub broke");
		});
		assertThatExceptionOfType(RemoteRpcException.class).isThrownBy(this.inventory::skus).satisfies((ex) -> {
			assertThat(ex.remoteClass()).isEqualTo("IllegalStateException");
			assertThat(ex.remoteMessage()).isEqualTo("stub broke");
		});
	}

	@Test
	void aStubThatNeverAnswersMakesTheCallTimeOut() {
		this.rpc.stub("inventory").on("skus").willNeverAnswer();
		long start = System.nanoTime();
		assertThatExceptionOfType(RpcTimeoutException.class).isThrownBy(this.inventory::skus);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
		assertThat(this.rpc.awaitRequest("inventory", "skus").kind()).isEqualTo(RpcKind.CALL);
	}

	@Test
	void aMethodTheStubWasNotToldAboutGetsOslosNoSuchMethod() {
		this.rpc.stub("inventory").on("reserve").willReturn(null);
		assertThatExceptionOfType(RemoteRpcException.class).isThrownBy(this.inventory::skus).satisfies((ex) -> {
			assertThat(ex.remoteClass()).isEqualTo("NoSuchMethod");
			assertThat(ex.remoteModule()).isEqualTo("oslo_messaging.rpc.dispatcher");
			assertThat(ex.remoteMessage()).isEqualTo("Endpoint does not support RPC method skus");
		});
	}

	@Test
	void aBadRemoteExceptionClassIsRefusedWithAnExample() {
		RpcStubbing stubbing = this.rpc.stub("inventory").on("skus");
		assertThatIllegalArgumentException().isThrownBy(() -> stubbing.willThrow(" ", "m"))
			.withMessageContaining("nova.exception.InstanceNotFound")
			.withMessageContaining("got ' '");
		assertThatIllegalArgumentException().isThrownBy(() -> stubbing.willThrow("nova.exception.", "m"))
			.withMessageContaining("got 'nova.exception.'");
	}

	@Test
	void aCallIsRecordedWithMethodTargetArgumentsAndContext() {
		this.rpc.stub("inventory").on("reserve").willReturn(new Item("A-1", 2));
		this.inventory.reserve(RpcContext.of(Map.of("user_id", "alice", "request_id", "req-1")), "A-1", 2);
		RecordedRequest request = this.rpc.awaitRequest("inventory", "reserve");
		assertThat(request.kind()).isEqualTo(RpcKind.CALL);
		assertThat(request.topic()).isEqualTo("inventory");
		assertThat(request.target().exchange()).isEqualTo("openstack");
		assertThat(request.target().version()).isEqualTo("1.2");
		assertThat(request.target().server()).isNull();
		assertThat(request.args()).isEqualTo(Map.of("sku", "A-1", "count", 2));
		assertThat(request.context()).containsEntry("user_id", "alice").containsEntry("request_id", "req-1");
	}

	@Test
	void castsAndFanoutsAreRecordedWithoutAnyServer() {
		this.inventory.release("A-1");
		this.inventory.refresh();
		assertThat(this.rpc.requests("inventory")).extracting(RecordedRequest::kind, RecordedRequest::method)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(RpcKind.CAST, "release"),
					org.assertj.core.groups.Tuple.tuple(RpcKind.FANOUT, "refresh"));
		assertThat(this.rpc.requests().get(0).args()).isEqualTo(Map.of("sku", "A-1"));
		assertThat(this.rpc.requests().get(1).target().fanout()).isTrue();
		assertThat(this.rpc.requests("other")).isEmpty();
	}

	@Test
	void notificationsAreRecordedWithEventTypePriorityPayloadAndContext() {
		this.notifier.warn(RpcContext.of(Map.of("user_id", "bob")), "inventory.low", Map.of("sku", "A-1", "left", 1));
		RecordedNotification notification = this.rpc.awaitNotification("inventory.low");
		assertThat(notification.priority()).isEqualTo("warn");
		assertThat(notification.target().topic()).isEqualTo("notifications");
		assertThat(notification.target().exchange()).isEqualTo("openstack");
		assertThat(notification.publisherId()).isEqualTo("harness-test.test");
		assertThat(notification.payload()).isEqualTo(Map.of("sku", "A-1", "left", 1));
		assertThat(notification.context()).containsEntry("user_id", "bob");
		assertThat(this.rpc.notifications()).hasSize(1);
	}

	@Test
	void awaitingWhatWasNeverSentFailsInTimeAndListsWhatWasRecorded() {
		this.inventory.release("A-1");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.rpc.awaitRequest("inventory", "reserve", Duration.ofMillis(200)))
			.withMessageContaining("a request of 'reserve' on topic 'inventory' within 200 ms")
			.withMessageContaining("method=release");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.rpc.awaitNotification("inventory.low", Duration.ofMillis(100)))
			.withMessageContaining("but recorded none");
	}

}
