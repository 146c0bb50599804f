package io.oslo4j.rpc.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.wire.NotificationCodec;
import io.oslo4j.rpc.wire.NotificationMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the notification encoding against notifications captured from Python
 * oslo.messaging 14.0.3 ({@code vectors/oslo-messaging-14-wire-vectors.json}): they
 * decode to the expected fields, and encoding the same notification (captured ids and
 * timestamp) gives exactly the captured bytes.
 */
@Timeout(10)
class NotificationGoldenVectorTest {

	private static final NotificationCodec codec = NotificationCodec.defaultCodec();

	private static JsonNode vectors;

	@BeforeAll
	static void load() throws IOException {
		try (InputStream in = NotificationGoldenVectorTest.class
			.getResourceAsStream("/vectors/oslo-messaging-14-wire-vectors.json")) {
			assertThat(in).isNotNull();
			vectors = JsonMapper.builder().build().readTree(in);
		}
	}

	private static JsonNode vector(int index) {
		return vectors.get("notifications").get(index);
	}

	private static byte[] body(int index) {
		return vector(index).get("body").asString().getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void capturedInfoNotificationDecodes() {
		NotificationMessage m = codec.decode(body(0));
		assertThat(m.messageId()).isEqualTo("678139ba-c280-4b28-98cf-7695e8774ef3");
		assertThat(m.publisherId()).isEqualTo("compute.host1");
		assertThat(m.eventType()).isEqualTo("compute.instance.create.end");
		assertThat(m.priority()).isEqualTo("INFO");
		assertThat(m.payload()).isEqualTo(Map.of("instance_id", "i-1", "flavor", Map.of("vcpus", 2)));
		assertThat(m.timestamp()).isEqualTo("2026-11-23 19:02:47.849287");
		assertThat(m.uniqueId()).isEqualTo("265f5780a14b4733bbea41294bc2c32f");
		assertThat(m.context()).containsExactly(Map.entry("user_id", "u1"));
		assertThat(vector(0).get("routing_key").asString()).isEqualTo("notifications.info");
		assertThat(vector(0).get("exchange").asString()).isEqualTo("openstack");
	}

	@Test
	void encodingTheCapturedInfoNotificationGivesTheCapturedBytes() {
		Map<String, @Nullable Object> flavor = new LinkedHashMap<>();
		flavor.put("vcpus", 2);
		Map<String, @Nullable Object> payload = new LinkedHashMap<>();
		payload.put("instance_id", "i-1");
		payload.put("flavor", flavor);
		NotificationMessage m = new NotificationMessage("678139ba-c280-4b28-98cf-7695e8774ef3", "compute.host1",
				"compute.instance.create.end", "INFO", payload, "2026-11-23 19:02:47.849287",
				"265f5780a14b4733bbea41294bc2c32f", Map.of("user_id", "u1"));
		assertThat(new String(codec.encode(m, true), StandardCharsets.US_ASCII))
			.isEqualTo(new String(body(0), StandardCharsets.UTF_8));
	}

	@Test
	void encodingTheCapturedErrorNotificationGivesTheCapturedBytes() {
		NotificationMessage m = new NotificationMessage("c0b4f7ee-ca53-40e7-9031-84deb0f7f2df", "compute.host1",
				"compute.instance.create.error", "ERROR", Map.of("reason", "x"), "2026-11-23 19:02:47.862871",
				"88d3150b142a47c48d011290936148e8", Map.of());
		assertThat(codec.encode(m, true)).isEqualTo(body(1));
		assertThat(vector(1).get("routing_key").asString()).isEqualTo("notifications.error");
	}

	@Test
	void aFreshNotificationHasTheCapturedShape() {
		NotificationMessage m = NotificationMessage.create("compute.host1", "compute.instance.create.end", "INFO",
				Map.of("reason", "x"), Map.of("user_id", "u1"));
		String inner = new String(codec.encode(m, false), StandardCharsets.US_ASCII);
		assertThat(inner).matches("\\{\"message_id\": \"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
				+ "[0-9a-f]{12}\", \"publisher_id\": \"compute.host1\", \"event_type\": \"compute.instance.create.end\", "
				+ "\"priority\": \"INFO\", \"payload\": \\{\"reason\": \"x\"\\}, "
				+ "\"timestamp\": \"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\", "
				+ "\"_unique_id\": \"[0-9a-f]{32}\", \"_context_user_id\": \"u1\"\\}");
	}

	@Test
	void timestampsAreFormattedAsPythonStrOfUtcnow() {
		assertThat(NotificationMessage.timestamp(Instant.parse("2026-11-23T19:02:47.849287123Z")))
			.isEqualTo("2026-11-23 19:02:47.849287");
		assertThat(NotificationMessage.timestamp(Instant.parse("2026-11-23T19:02:47Z")))
			.isEqualTo("2026-11-23 19:02:47");
		assertThat(NotificationMessage.timestamp(Instant.parse("2026-01-02T03:04:05.000001Z")))
			.isEqualTo("2026-01-02 03:04:05.000001");
		assertThat(NotificationMessage.timestamp(Instant.parse("2026-01-02T03:04:05.000000999Z")))
			.isEqualTo("2026-01-02 03:04:05");
	}

	@Test
	void legacyFormatIsTheBareDictAndDecodes() {
		NotificationMessage m = new NotificationMessage("id", "p", "e", "WARN", "\u00e9", "t", "u", Map.of());
		byte[] bare = codec.encode(m, false);
		assertThat(new String(bare, StandardCharsets.US_ASCII)).isEqualTo("{\"message_id\": \"id\", \"publisher_id\": "
				+ "\"p\", \"event_type\": \"e\", \"priority\": \"WARN\", \"payload\": \"\\u00e9\", \"timestamp\": \"t\", "
				+ "\"_unique_id\": \"u\"}");
		assertThat(codec.decode(bare)).isEqualTo(m);
	}

	@Test
	void contextIsReducedToOslosSafeKeysInItsOwnOrder() {
		RpcContext context = RpcContext.of(Map.of("auth_token", "secret", "user_id", "u1"))
			.with("request_id", "req-1")
			.with("project_id", "p1")
			.with("password", "pw");
		Map<String, @Nullable Object> safe = ContextSanitizer.sanitize(context.asMap());
		assertThat(safe).doesNotContainKeys("auth_token", "password").containsEntry("user_id", "u1");
		assertThat(safe.keySet()).containsSubsequence("request_id", "project_id");
	}

	@Test
	void notificationOfOslo18WithoutContextDecodes() {
		// oslo.messaging 18.1 drops dict contexts: no _context_* keys at all (a captured
		// body; its masked ids filled in)
		String body = "{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"message_id\\\": "
				+ "\\\"1964b9cf-5e1c-4b7e-a4a2-0c7f1d9f3a10\\\", \\\"publisher_id\\\": \\\"delta.pub\\\", "
				+ "\\\"event_type\\\": \\\"delta.dictctx\\\", \\\"priority\\\": \\\"INFO\\\", "
				+ "\\\"payload\\\": {\\\"k\\\": 1, \\\"drv\\\": \\\"messagingv2\\\"}, "
				+ "\\\"timestamp\\\": \\\"2026-12-02 01:38:28.346938\\\", "
				+ "\\\"_unique_id\\\": \\\"66774f3b2b0a4e0d9b1f2c3d4e5f6a7b\\\"}\"}";
		NotificationMessage m = codec.decode(body.getBytes(StandardCharsets.UTF_8));
		assertThat(m.eventType()).isEqualTo("delta.dictctx");
		assertThat(m.payload()).isEqualTo(Map.of("k", 1, "drv", "messagingv2"));
		assertThat(m.context()).isEmpty();
	}

}
