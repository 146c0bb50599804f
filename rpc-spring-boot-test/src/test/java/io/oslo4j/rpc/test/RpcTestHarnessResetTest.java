package io.oslo4j.rpc.test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.test.app.HarnessTestApplication;
import io.oslo4j.rpc.test.app.InventoryClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Records and stubs end with each test method: the next test of the same (cached) context
 * starts with none.
 */
@SpringBootTest(classes = HarnessTestApplication.class, properties = "rpc.clients.inventory.timeout=1s")
@AutoConfigureRpcTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RpcTestHarnessResetTest {

	private static RpcTestHarness firstTestsHarness;

	@Autowired
	RpcTestHarness rpc;

	@Autowired
	InventoryClient inventory;

	@Test
	@Order(1)
	void aTestLeavesAStubAndRecords() {
		firstTestsHarness = this.rpc;
		this.rpc.stub("inventory").on("skus").willReturn(List.of("A-1"));
		assertThat(this.inventory.skus()).containsExactly("A-1");
		assertThat(this.rpc.requests()).hasSize(1);
	}

	@Test
	@Order(2)
	void theNextTestStartsWithNoRecordAndNoStub() {
		assertThat(this.rpc).isSameAs(firstTestsHarness);
		assertThat(this.rpc.requests()).isEmpty();
		assertThatExceptionOfType(RpcTimeoutException.class).isThrownBy(this.inventory::skus);
	}

	@Test
	@Order(3)
	void resetWithinATestForgetsRecordsAndStopsStubs() {
		this.rpc.stub("inventory").on("skus").willReturn(List.of("A-1"));
		this.inventory.release("A-1");
		this.rpc.reset();
		assertThat(this.rpc.requests()).isEmpty();
		assertThatExceptionOfType(RpcTimeoutException.class).isThrownBy(this.inventory::skus);
		assertThat(this.rpc.requests()).hasSize(1);
	}

}
