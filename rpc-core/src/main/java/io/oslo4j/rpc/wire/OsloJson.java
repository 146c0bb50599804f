package io.oslo4j.rpc.wire;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Jackson configuration oslo4j writes and reads messages with: Python's
 * {@code json.dumps} separators and ASCII escaping, unknown properties ignored, no
 * default typing, and class-name type ids refused ({@link ClassNameTypeIds}): a message
 * can never name a class to load or instantiate.
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
			// Python's json.loads accepts NaN, Infinity and -Infinity (and json.dumps
			// writes them)
			.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
			.build();
		// ESCAPE_NON_ASCII is deliberately not enabled: with it Jackson escapes every
		// non-ASCII character itself, with upper-case hex (backslash-u00E9), and never
		// asks
		// PythonCharacterEscapes, which escapes them the way Python does
		// (backslash-u00e9).
		return JsonMapper.builder(factory)
			.addModule(PythonFloats.module())
			.addModule(LongStrings.module())
			.polymorphicTypeValidator(ClassNameTypeIds.INSTANCE)
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
