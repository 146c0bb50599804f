package io.oslo4j.rpc.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.oslo4j.rpc.transport.NotificationLayout;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout of oslo's Kafka driver: the bytes Python oslo.messaging 14.0.3 writes
 * ({@code jsonutils.dumps(pack_message(ctxt, msg))}, captured for these exact values) are
 * what the codec writes, and both layouts decode to the same context.
 */
@Timeout(10)
class NotificationNestedContextTest {

	private static final String PYTHON_WITH_CONTEXT = "{\"oslo.version\": \"2.0\", \"oslo.message\": "
			+ "\"{\\\"message_id\\\": \\\"d823e0a6-8c3c-4d55-b6f3-4a3cbb1d8f10\\\", \\\"publisher_id\\\": "
			+ "\\\"compute.host1\\\", \\\"event_type\\\": \\\"compute.instance.create.end\\\", \\\"priority\\\": "
			+ "\\\"INFO\\\", \\\"payload\\\": {\\\"instance_id\\\": \\\"i-1\\\", \\\"flavor\\\": {\\\"vcpus\\\": 2}, "
			+ "\\\"name\\\": \\\"\\\\u00e9t\\\\u00e9\\\"}, \\\"timestamp\\\": \\\"2026-12-02 09:07:00.123456\\\", "
			+ "\\\"_context\\\": {\\\"user_id\\\": \\\"u1\\\", \\\"request_id\\\": \\\"req-1\\\"}}\"}";

	private static final String PYTHON_EMPTY_CONTEXT = "{\"oslo.version\": \"2.0\", \"oslo.message\": "
			+ "\"{\\\"message_id\\\": \\\"d823e0a6-8c3c-4d55-b6f3-4a3cbb1d8f10\\\", \\\"publisher_id\\\": "
			+ "\\\"compute.host1\\\", \\\"event_type\\\": \\\"compute.instance.create.end\\\", \\\"priority\\\": "
			+ "\\\"INFO\\\", \\\"payload\\\": null, \\\"timestamp\\\": \\\"2026-12-02 09:07:00.123456\\\", "
			+ "\\\"_context\\\": {}}\"}";

	private final NotificationCodec codec = NotificationCodec.defaultCodec();

	private static NotificationMessage message(@Nullable Object payload, Map<String, @Nullable Object> context) {
		Map<String, Object> flavor = Map.of("vcpus", 2);
		return new NotificationMessage("d823e0a6-8c3c-4d55-b6f3-4a3cbb1d8f10", "compute.host1",
				"compute.instance.create.end", "INFO", payload, "2026-12-02 09:07:00.123456",
				"0123456789abcdef0123456789abcdef", context);
	}

	@Test
	void nestedLayoutIsByteForByteWhatOslosKafkaDriverWrites() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("instance_id", "i-1");
		payload.put("flavor", Map.of("vcpus", 2));
		payload.put("name", "\u00e9t\u00e9");
		Map<String, @Nullable Object> context = new LinkedHashMap<>();
		context.put("user_id", "u1");
		context.put("request_id", "req-1");
		assertThat(new String(this.codec.encodeNested(message(payload, context)), StandardCharsets.US_ASCII))
			.isEqualTo(PYTHON_WITH_CONTEXT);
		assertThat(new String(this.codec.encode(message(null, Map.of()), false, NotificationLayout.NESTED_CONTEXT),
				StandardCharsets.US_ASCII))
			.isEqualTo(PYTHON_EMPTY_CONTEXT);
	}

	@Test
	void nestedContextDecodesLikeContextKeys() {
		NotificationMessage decoded = this.codec.decode(PYTHON_WITH_CONTEXT.getBytes(StandardCharsets.US_ASCII));
		assertThat(decoded.context()).containsExactly(Map.entry("user_id", "u1"), Map.entry("request_id", "req-1"));
		assertThat(decoded.uniqueId()).isNull();
		assertThat(decoded.payload())
			.isEqualTo(Map.of("instance_id", "i-1", "flavor", Map.of("vcpus", 2), "name", "\u00e9t\u00e9"));
		NotificationMessage keys = this.codec
			.decode(this.codec.encode(message(null, Map.of("user_id", "u1")), true, NotificationLayout.CONTEXT_KEYS));
		assertThat(keys.context()).containsExactly(Map.entry("user_id", "u1"));
		assertThat(keys.uniqueId()).isEqualTo("0123456789abcdef0123456789abcdef");
	}

	@Test
	void aContextKeyWinsOverANestedContextObject() {
		String inner = "{\"_context\": {\"user_id\": \"nested\"}, \"_context_user_id\": \"key\"}";
		NotificationMessage decoded = this.codec.decode(inner.getBytes(StandardCharsets.US_ASCII));
		assertThat(decoded.context()).containsExactly(Map.entry("user_id", "key"));
	}

}
