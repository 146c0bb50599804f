package io.oslo4j.sample;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.observation.RpcKind;
import io.oslo4j.rpc.test.AutoConfigureRpcTest;
import io.oslo4j.rpc.test.RecordedNotification;
import io.oslo4j.rpc.test.RecordedRequest;
import io.oslo4j.rpc.test.RpcTestHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sample sends, as recorded on its test broker: the HTTP routes turn into casts,
 * fanout casts and notifications with the expected method, arguments and context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "rpc.server.name=test-server")
@AutoConfigureRpcTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SampleRecordingTest {

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
	void recordCastsTheEventAndTheServerNotifiesIt() {
		assertThat(this.api.post("/api/record", Map.of("event", "created")).status()).isEqualTo(202);
		RecordedRequest cast = this.rpc.awaitRequest("sample", "record");
		assertThat(cast.kind()).isEqualTo(RpcKind.CAST);
		assertThat(cast.target().version()).isEqualTo("1.1");
		assertThat(cast.arg("event")).isEqualTo(Map.of("event", "created"));
		RecordedNotification notification = this.rpc.awaitNotification(SampleNotifications.EVENT_RECORDED);
		assertThat(notification.priority()).isEqualTo("info");
		assertThat(notification.target().topic()).isEqualTo("sample_notifications");
		assertThat(notification.publisherId()).isEqualTo("sample.test-server");
		assertThat(notification.payload())
			.isEqualTo(Map.of("server", "test-server", "event", Map.of("event", "created")));
	}

	@Test
	void whoamiCallsWithTheRequestContextOfTheHttpRequest() {
		assertThat(this.api.get("/api/whoami").status()).isEqualTo(200);
		RecordedRequest call = this.rpc.awaitRequest("sample", "whoami");
		assertThat(call.kind()).isEqualTo(RpcKind.CALL);
		assertThat(call.context()).containsEntry("user_id", "sample");
		assertThat((String) call.context().get("request_id")).startsWith("req-");
	}

	@Test
	void refreshIsAFanoutCastInTheControlNamespace() {
		assertThat(this.api.post("/api/refresh", Map.of()).status()).isEqualTo(202);
		RecordedRequest fanout = this.rpc.awaitRequest("sample", "refresh");
		assertThat(fanout.kind()).isEqualTo(RpcKind.FANOUT);
		assertThat(fanout.target().namespace()).isEqualTo("control");
		assertThat(fanout.args()).isEmpty();
	}

}
