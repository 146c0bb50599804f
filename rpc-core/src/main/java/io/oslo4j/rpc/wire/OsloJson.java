package io.oslo4j.rpc.wire;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The Jackson configuration oslo4j writes and reads messages with: Python's
 * {@code json.dumps} separators and ASCII escaping, unknown properties ignored, no
 * default typing (a message can never name a class to instantiate).
 */
public final class OsloJson {

	private static final JsonMapper DEFAULT = builder().build();

	private OsloJson() {
	}

	/**
	 * Returns a builder preconfigured for oslo's wire format; customize it (modules,
	 * features) and pass the mapper to {@link WireCodec} and the
	 * {@code JacksonSerializer}. Keep the escapes and separators it sets.
	 * @return a mapper builder
	 */
	public static JsonMapper.Builder builder() {
		JsonFactory factory = JsonFactory.builder()
			.characterEscapes(PythonCharacterEscapes.INSTANCE)
			.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
			// non-ASCII goes through Jackson's standard escape, upper-case by default;
			// Python writes \u00e9, not \u00E9
			.disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
			.build();
		return JsonMapper.builder(factory)
			.addModule(
					new SimpleModule("oslo-python-floats").addSerializer(Double.class, PythonFloatSerializer.INSTANCE)
						.addSerializer(double.class, PythonFloatSerializer.INSTANCE))
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
	}

	/**
	 * Returns the shared default mapper.
	 * @return the default mapper
	 */
	public static JsonMapper mapper() {
		return DEFAULT;
	}

}
