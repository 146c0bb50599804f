package io.oslo4j.rpc.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long plain strings are remembered where they land in the inner message, and the
 * envelope skips them when it escapes the message, with the same bytes as a full scan.
 */
class PlainRunScanTest {

	/** Longer than the generator's own buffer, which it writes to the stream directly. */
	private static final String PLAIN = "abc ~!#$%&'()*+,-./09:;<=>?@AZ[]^_`az{|}".repeat(250);

	@Test
	void aLongPlainStringIsRememberedWhereItLands() {
		InnerJsonBuffer out = write(Map.of("a", "short", "b", List.of(PLAIN, PLAIN + "\"", PLAIN + "2")));
		String inner = new String(out.bytes(), 0, out.size(), StandardCharsets.US_ASCII);
		assertThat(out.plainRunCount()).isEqualTo(2);
		int[] runs = out.plainRuns();
		assertThat(inner.substring(runs[0], runs[1])).isEqualTo(PLAIN);
		assertThat(inner.substring(runs[2], runs[3])).isEqualTo(PLAIN + "2");
	}

	@Test
	void theEnvelopeSkippingPlainRunsWritesWhatAFullScanWrites() {
		Envelope envelope = new Envelope(OsloJson.mapper());
		InnerJsonBuffer out = write(Map.of("b", List.of(PLAIN, "\"q\\", PLAIN + "\u00e9", Map.of("k\"", PLAIN))));
		assertThat(out.plainRunCount()).isEqualTo(2);
		byte[] skipping = envelope.wrap(out.bytes(), out.size(), out.plainRuns(), out.plainRunCount());
		assertThat(skipping).isEqualTo(envelope.wrap(out.bytes(), out.size()));
		assertThat(envelope.unwrap(skipping).get("b"))
			.isEqualTo(List.of(PLAIN, "\"q\\", PLAIN + "\u00e9", Map.of("k\"", PLAIN)));
	}

	@Test
	void runsAreSkippedOnlyWhereTheyAre() {
		byte[] in = "\"aaaa\\bbbb\"cccc".getBytes(StandardCharsets.US_ASCII);
		// a run over "aaaa" and one over "cccc": the quotes and the backslash around them
		// are still found
		PlainRunScan scan = new PlainRunScan(in, in.length, new int[] { 1, 5, 11, 15 }, 2);
		assertThat(scan.firstToEscape(0)).isEqualTo(0);
		assertThat(scan.firstToEscape(1)).isEqualTo(5);
		assertThat(scan.firstToEscape(6)).isEqualTo(10);
		assertThat(scan.firstToEscape(11)).isEqualTo(in.length);
	}

	@Test
	void everyLongPlainStringOfAMessageIsRemembered() {
		List<String> strings = List.of(PLAIN + "0", PLAIN + "1", PLAIN + "2", PLAIN + "3", PLAIN + "4");
		InnerJsonBuffer out = write(Map.of("list", strings));
		String inner = new String(out.bytes(), 0, out.size(), StandardCharsets.US_ASCII);
		assertThat(out.plainRunCount()).isEqualTo(strings.size());
		int[] runs = out.plainRuns();
		for (int k = 0; k < strings.size(); k++) {
			assertThat(inner.substring(runs[2 * k], runs[2 * k + 1])).isEqualTo(strings.get(k));
		}
		Envelope envelope = new Envelope(OsloJson.mapper());
		assertThat(envelope.wrap(out.bytes(), out.size(), runs, out.plainRunCount()))
			.isEqualTo(envelope.wrap(out.bytes(), out.size()));
	}

	@Test
	void plainBytesBeforeARunAreNotTakenForAHit() {
		byte[] in = "xxaaaa\"".getBytes(StandardCharsets.US_ASCII);
		PlainRunScan scan = new PlainRunScan(in, in.length, new int[] { 2, 6 }, 1);
		assertThat(scan.firstToEscape(0)).isEqualTo(6);
	}

	@Test
	void whatFollowsALongStringFitsWithoutGrowingTheBufferAgain() {
		InnerJsonBuffer out = new InnerJsonBuffer(256);
		out.write(new byte[100], 0, 100);
		out.write(new byte[65536], 0, 65536);
		byte[] afterLongString = out.bytes();
		assertThat(afterLongString).hasSize(100 + 65536 + 65536 / 8);
		out.write(new byte[8000], 0, 8000);
		assertThat(out.bytes()).as("no second copy of the long string").isSameAs(afterLongString);
		assertThat(out.size()).isEqualTo(100 + 65536 + 8000);
		out.write(new byte[500], 0, 500);
		assertThat(out.bytes()).as("doubling once that room is used").hasSize(2 * afterLongString.length);
	}

	@Test
	void shortMessagesGrowTheBufferAsMuchAsBefore() {
		InnerJsonBuffer out = new InnerJsonBuffer(256);
		byte[] initial = out.bytes();
		out.write(new byte[256], 0, 256);
		assertThat(out.bytes()).as("a write that just fits").isSameAs(initial);
		InnerJsonBuffer doubled = new InnerJsonBuffer(256);
		doubled.write(new byte[200], 0, 200);
		doubled.write(new byte[100], 0, 100);
		assertThat(doubled.bytes()).hasSize(512);
		InnerJsonBuffer longer = new InnerJsonBuffer(256);
		longer.write(new byte[200], 0, 200);
		longer.write(new byte[320], 0, 320);
		assertThat(longer.bytes()).as("an eighth more than needed").hasSize(200 + 320 + 40);
	}

	private static InnerJsonBuffer write(Object value) {
		InnerJsonBuffer out = new InnerJsonBuffer(64);
		try (JsonGenerator g = OsloJson.mapper().createGenerator(out)) {
			g.writePOJO(value);
		}
		return out;
	}

}
