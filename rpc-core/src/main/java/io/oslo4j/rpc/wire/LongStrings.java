package io.oslo4j.rpc.wire;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.UTF8JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes long strings that need no escaping in bulk. Jackson writes a string char by
 * char, checking each against the escape table; a long string of plain ASCII (the usual
 * payload: ids, names, base64, text) is instead encoded to bytes by the JDK, checked
 * eight bytes at a time ({@link AsciiScan#firstToEscape}) and copied as it is. A string
 * with anything to escape is written by Jackson as before, so the output is the same
 * bytes either way (Python's {@code json.dumps}).
 */
final class LongStrings {

	/** Shorter strings are left to Jackson: the check would cost more than it saves. */
	static final int MIN_LENGTH = 64;

	private LongStrings() {
	}

	static SimpleModule module() {
		SimpleModule module = new SimpleModule("oslo4j-long-strings");
		module.addSerializer(String.class, new ValueSerializer<String>() {
			@Override
			public void serialize(String value, JsonGenerator g, SerializationContext ctxt) {
				write(value, g);
			}
		});
		return module;
	}

	static void write(String value, JsonGenerator g) {
		// only a byte generator writes bytes as they are (a String or Writer target has
		// none)
		if (value.length() >= MIN_LENGTH && g instanceof UTF8JsonGenerator) {
			// a character outside ASCII becomes bytes of 0x80 and up, which the scan
			// finds
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			if (AsciiScan.isPlain(bytes, 0, bytes.length)) {
				InnerJsonBuffer buffer = (g.streamWriteOutputTarget() instanceof InnerJsonBuffer inner) ? inner : null;
				if (buffer != null) {
					buffer.expectPlain(bytes);
				}
				g.writeRawUTF8String(bytes, 0, bytes.length);
				if (buffer != null) {
					buffer.expectPlain(null);
				}
				return;
			}
		}
		g.writeString(value);
	}

}
