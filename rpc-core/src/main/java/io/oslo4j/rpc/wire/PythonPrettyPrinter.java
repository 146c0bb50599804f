package io.oslo4j.rpc.wire;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;

/**
 * Writes JSON with the separators of Python's {@code json.dumps} defaults: {@code ", "}
 * between entries and values and {@code ": "} between a name and its value, no
 * indentation. Stateless, so one instance serves every generator.
 */
final class PythonPrettyPrinter implements PrettyPrinter {

	static final PythonPrettyPrinter INSTANCE = new PythonPrettyPrinter();

	private PythonPrettyPrinter() {
	}

	@Override
	public void writeRootValueSeparator(JsonGenerator g) {
		g.writeRaw(' ');
	}

	@Override
	public void writeStartObject(JsonGenerator g) {
		g.writeRaw('{');
	}

	@Override
	public void writeEndObject(JsonGenerator g, int nrOfEntries) {
		g.writeRaw('}');
	}

	@Override
	public void writeObjectEntrySeparator(JsonGenerator g) {
		g.writeRaw(", ");
	}

	@Override
	public void writeObjectNameValueSeparator(JsonGenerator g) {
		g.writeRaw(": ");
	}

	@Override
	public void writeStartArray(JsonGenerator g) {
		g.writeRaw('[');
	}

	@Override
	public void writeEndArray(JsonGenerator g, int nrOfValues) {
		g.writeRaw(']');
	}

	@Override
	public void writeArrayValueSeparator(JsonGenerator g) {
		g.writeRaw(", ");
	}

	@Override
	public void beforeArrayValues(JsonGenerator g) {
	}

	@Override
	public void beforeObjectEntries(JsonGenerator g) {
	}

}
