package io.oslo4j.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every HTTP route of the sample, in process, on the embedded {@code fake://} transport.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rpc.transport-url=fake:///sample-app-test", "rpc.server.name=test-server",
				"rpc.clients.calculator.timeout=3s" })
@Timeout(60)
class SampleApplicationTest {

	@LocalServerPort
	int port;

	SampleApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new SampleApiClient(this.port);
	}

	@Test
	void addReturnsTheSumAsAJsonNumber() {
		assertThat(this.api.get("/api/add?a=2&b=3")).isEqualTo(SampleApiClient.Response.json(200, "5"));
	}

	@Test
	void echoSendsTheBodyThroughAnRpcCall() {
		SampleApiClient.Response response = this.api.post("/api/echo",
				Map.of("name", "ünïcode ✓", "list", List.of(1, 2, Map.of("k", "v"))));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).containsEntry("name", "ünïcode ✓")
			.containsEntry("list", List.of(1, 2, Map.of("k", "v")));
	}

	@Test
	void echoAnswersAStringOrNullAsJson() {
		assertThat(this.api.post("/api/echo", "\"hi\"")).isEqualTo(SampleApiClient.Response.json(200, "\"hi\""));
		assertThat(this.api.post("/api/echo", "null")).isEqualTo(SampleApiClient.Response.json(200, "null"));
	}

	@Test
	void sleepAnswersAJsonStringAfterTheServerSlept() {
		assertThat(this.api.get("/api/sleep?seconds=1")).isEqualTo(SampleApiClient.Response.json(200, "\"slept 1\""));
	}

	@Test
	void aRemoteFailureIs502WithClassModuleAndMessage() {
		SampleApiClient.Response response = this.api.get("/api/fail?message=boom");
		assertThat(response.status()).isEqualTo(502);
		assertThat(response.json()).containsEntry("class", "IllegalArgumentException")
			.containsEntry("module", "java.lang")
			.containsEntry("message", "boom");
	}

	@Test
	void aRemoteTimeoutIs504() {
		SampleApiClient.Response response = this.api.get("/api/sleep?seconds=5");
		assertThat(response.status()).isEqualTo(504);
		assertThat(response.json()).containsEntry("error", "timeout");
	}

	@Test
	void badParametersAre400WithAJsonBody() {
		SampleApiClient.Response response = this.api.get("/api/add?a=two&b=3");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json()).containsEntry("error", "bad_request");
		assertThat(this.api.get("/api/add?a=2").status()).isEqualTo(400);
	}

	@Test
	void whoamiSendsAContextWithARequestIdAndUser() {
		SampleApiClient.Response response = this.api.get("/api/whoami");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json()).containsEntry("server", "test-server");
		@SuppressWarnings("unchecked")
		Map<String, Object> context = (Map<String, Object>) response.json().get("context");
		assertThat(context).containsEntry("user_id", "sample");
		assertThat((String) context.get("request_id")).startsWith("req-");
	}

	@Test
	void recordIsACastAndEventsListsWhatWasRecorded() {
		assertThat(this.api.post("/api/record", Map.of("event", "created")).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.api.get("/api/events").body()).contains("created"));
	}

	@Test
	void recordEmitsANotificationThatTheListenerCounts() {
		long before = ((Number) this.api.get("/api/notifications").json().get("received")).longValue();
		assertThat(this.api.post("/api/record", Map.of("event", "noted")).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.api.get("/api/notifications").json())
				.isEqualTo(Map.of("received", (int) before + 1)));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(this.api.get("/actuator/metrics/rpc.notifications.sent").status()).isEqualTo(200);
			assertThat(this.api.get("/actuator/metrics/rpc.notifications.received").status()).isEqualTo(200);
		});
	}

	@Test
	void refreshIsAFanoutCastCountedByTheServer() {
		long before = Long.parseLong(this.api.get("/api/refreshes").body());
		assertThat(this.api.post("/api/refresh", Map.of()).status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThat(Long.parseLong(this.api.get("/api/refreshes").body())).isEqualTo(before + 1));
	}

	@Test
	void pingReachesTheNamedServerAndAnswersItsNameAsAJsonString() {
		assertThat(this.api.get("/api/ping?server=test-server"))
			.isEqualTo(SampleApiClient.Response.json(200, "\"test-server\""));
		assertThat(this.api.get("/api/ping")).isEqualTo(SampleApiClient.Response.json(200, "\"test-server\""));
	}

	@Test
	void actuatorShowsTheRpcHealthAndTheMetrics() {
		this.api.get("/api/add?a=1&b=1");
		SampleApiClient.Response health = this.api.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("\"rpc\"")
			.contains("\"rpcNotifications\"")
			.contains("\"status\":\"UP\"")
			// Spring Boot's rabbit indicator would check spring.rabbitmq's broker, which
			// the sample does not use
			.doesNotContain("\"rabbit\":");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(this.api.get("/actuator/metrics/rpc.client.requests").status()).isEqualTo(200);
			assertThat(this.api.get("/actuator/metrics/rpc.server.requests").status()).isEqualTo(200);
		});
	}

	@Test
	void actuatorRpcShowsWhatTheSampleServesAndCalls() {
		SampleApiClient.Response rpc = this.api.get("/actuator/rpc");
		assertThat(rpc.status()).isEqualTo(200);
		assertThat(rpc.body()).contains("\"servers\"")
			.contains("\"clients\"")
			.contains("\"add\"")
			.contains("\"transport\"")
			.contains("fake://");
	}

}
