package io.oslo4j.sample;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.test.AutoConfigureRpcTest;
import io.oslo4j.rpc.test.RpcTestHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's HTTP routes against a stubbed calculator service instead of its own
 * endpoint ({@code rpc.server.enabled=false}): answers, remote errors and a service that
 * never answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rpc.server.enabled=false", "rpc.clients.calculator.timeout=1s" })
@AutoConfigureRpcTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SampleStubbedBackendTest {

	@LocalServerPort
	int port;

	@Autowired
	RpcTestHarness rpc;

	SampleApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new SampleApiClient(this.port);
	}

	@Test
	void addAnswersWhatTheServiceAnswered() {
		this.rpc.stub("sample").on("add").willReturn(42);
		assertThat(this.api.get("/api/add?a=2&b=3")).isEqualTo(SampleApiClient.Response.json(200, "42"));
		assertThat(this.rpc.awaitRequest("sample", "add").args()).isEqualTo(Map.of("a", 2, "b", 3));
	}

	@Test
	void echoAnswersWhatAFunctionOfTheArgumentsReturned() {
		this.rpc.stub("sample").on("echo").willAnswer((request) -> Map.of("echoed", request.arg("value")));
		SampleApiClient.Response response = this.api.post("/api/echo", Map.of("k", "v"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).isEqualTo(Map.of("echoed", Map.of("k", "v")));
	}

	@Test
	void aRemoteErrorOfTheServiceIs502WithItsClassModuleAndMessage() {
		this.rpc.stub("sample")
			.on("fail")
			.willThrow("nova.exception.InstanceNotFound", "Instance 42 could not be found.");
		SampleApiClient.Response response = this.api.get("/api/fail?message=boom");
		assertThat(response.status()).isEqualTo(502);
		assertThat(response.json()).containsEntry("class", "InstanceNotFound")
			.containsEntry("module", "nova.exception")
			.containsEntry("message", "Instance 42 could not be found.");
	}

	@Test
	void aServiceThatNeverAnswersIs504() {
		this.rpc.stub("sample").on("sleep").willNeverAnswer();
		SampleApiClient.Response response = this.api.get("/api/sleep?seconds=1");
		assertThat(response.status()).isEqualTo(504);
		assertThat(response.json()).containsEntry("error", "timeout");
	}

}
