package io.oslo4j.rpc.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long plain strings are kept as splices where they belong in the inner message instead
 * of being copied into it, and the envelope copies them into the body with the same bytes
 * as wrapping the whole message.
 */
class InnerJsonBufferTest {

	/** Longer than the generator's own buffer, which it writes to the stream directly. */
	private static final String PLAIN = "abc ~!#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}".repeat(250);

	private final Envelope envelope = new Envelope(OsloJson.mapper());

	@Test
	void aLongPlainStringIsKeptWhereItBelongsNotCopied() {
		List<String> value = List.of("short", PLAIN, PLAIN + "\"", PLAIN + "2");
		InnerJsonBuffer out = write(value);
		List<InnerJsonBuffer.Splice> splices = out.splices();
		assertThat(splices).extracting(InnerJsonBufferTest::text).containsExactly(PLAIN, PLAIN + "2");
		String json = OsloJson.mapper().writeValueAsString(value);
		assertThat(out.size()).as("not copied").isEqualTo(json.length() - PLAIN.length() - PLAIN.length() - 1);
		StringBuilder joined = new StringBuilder(new String(out.bytes(), 0, out.size(), StandardCharsets.US_ASCII));
		joined.insert(splices.get(1).at(), text(splices.get(1)));
		joined.insert(splices.get(0).at(), text(splices.get(0)));
		assertThat(joined.toString()).isEqualTo(json);
	}

	@Test
	void theEnvelopeWritesWhatWrappingTheWholeMessageWrites() {
		Object value = Map.of("b", List.of(PLAIN, "\"q\\", PLAIN + "\u00e9", Map.of("k\"", PLAIN)));
		InnerJsonBuffer out = write(value);
		assertThat(out.splices()).hasSize(2);
		byte[] body = this.envelope.wrap(out);
		assertThat(new String(body, StandardCharsets.US_ASCII)).isEqualTo(
				new String(this.envelope.wrap(OsloJson.mapper().writeValueAsString(value)), StandardCharsets.US_ASCII));
		assertThat(this.envelope.unwrap(body).get("b"))
			.isEqualTo(List.of(PLAIN, "\"q\\", PLAIN + "\u00e9", Map.of("k\"", PLAIN)));
	}

	@Test
	void everyLongPlainStringOfAMessageIsKept() {
		List<String> strings = List.of(PLAIN + "0", PLAIN + "1", PLAIN + "2", PLAIN + "3", PLAIN + "4");
		Map<String, Object> value = Map.of("list", strings, "after", "x\"y");
		InnerJsonBuffer out = write(value);
		assertThat(out.splices()).extracting(InnerJsonBufferTest::text).isEqualTo(strings);
		assertThat(ascii(this.envelope.wrap(out)))
			.isEqualTo(ascii(this.envelope.wrap(OsloJson.mapper().writeValueAsString(value))));
	}

	@Test
	void splicesMayStartAndEndTheMessage() {
		byte[] first = "abc".getBytes(StandardCharsets.US_ASCII);
		byte[] last = "xyz0123".getBytes(StandardCharsets.US_ASCII);
		InnerJsonBuffer out = new InnerJsonBuffer(16);
		out.expectPlain(first);
		out.write(first, 0, first.length);
		out.write("\"\\".getBytes(StandardCharsets.US_ASCII), 0, 2);
		out.expectPlain(last);
		out.write(last, 3, 4);
		assertThat(new String(this.envelope.wrap(out), StandardCharsets.US_ASCII))
			.isEqualTo(new String(this.envelope.wrap("abc\"\\0123"), StandardCharsets.US_ASCII));
	}

	@Test
	void aMessageWithNonAsciiBytesAndSplicesIsEscapedAsPythonDoes() {
		byte[] plain = PLAIN.getBytes(StandardCharsets.US_ASCII);
		InnerJsonBuffer out = new InnerJsonBuffer(16);
		byte[] start = "[\"\u00e9\", \"".getBytes(StandardCharsets.UTF_8);
		out.write(start, 0, start.length);
		out.expectPlain(plain);
		out.write(plain, 0, plain.length);
		out.write("\", \"".getBytes(StandardCharsets.US_ASCII), 0, 4);
		byte[] again = PLAIN.getBytes(StandardCharsets.US_ASCII);
		out.expectPlain(again);
		out.write(again, 0, again.length);
		out.write("\"]".getBytes(StandardCharsets.US_ASCII), 0, 2);
		assertThat(out.splices()).hasSize(2);
		assertThat(ascii(this.envelope.wrap(out)))
			.isEqualTo(ascii(this.envelope.wrap("[\"\u00e9\", \"" + PLAIN + "\", \"" + PLAIN + "\"]")));
	}

	@Test
	void onlyTheAnnouncedArrayIsKept() {
		byte[] plain = "plain".getBytes(StandardCharsets.US_ASCII);
		InnerJsonBuffer out = new InnerJsonBuffer(16);
		out.expectPlain(plain);
		out.write("other".getBytes(StandardCharsets.US_ASCII), 0, 5);
		out.write(plain, 0, plain.length);
		out.write(plain, 0, plain.length);
		assertThat(out.splices()).hasSize(1);
		assertThat(new String(out.bytes(), 0, out.size(), StandardCharsets.US_ASCII))
			.as("announced once: its second write is copied")
			.isEqualTo("otherplain");
		assertThat(out.splices().get(0).at()).isEqualTo(5);
	}

	private static String ascii(byte[] body) {
		return new String(body, StandardCharsets.US_ASCII);
	}

	private static String text(InnerJsonBuffer.Splice splice) {
		return new String(splice.bytes(), splice.offset(), splice.length(), StandardCharsets.US_ASCII);
	}

	private static InnerJsonBuffer write(Object value) {
		InnerJsonBuffer out = new InnerJsonBuffer(64);
		try (JsonGenerator g = OsloJson.mapper().createGenerator(out)) {
			g.writePOJO(value);
		}
		return out;
	}

}
