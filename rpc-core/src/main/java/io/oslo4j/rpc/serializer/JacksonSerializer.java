package io.oslo4j.rpc.serializer;

import java.lang.reflect.Type;
import java.util.Optional;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.wire.OsloJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default {@link Serializer}, on Jackson 3: POJOs, records, collections, maps,
 * {@code Optional}, {@code java.time} values and enums convert both ways; {@code null}
 * stays {@code null}. Default typing is never enabled, so a message cannot make it
 * instantiate a class of its choosing.
 */
public final class JacksonSerializer implements Serializer {

	private static final JacksonSerializer DEFAULT = new JacksonSerializer(OsloJson.mapper());

	private final JsonMapper mapper;

	/**
	 * Makes a serializer on a mapper built from {@link OsloJson#builder()}; give the wire
	 * codec the same mapper.
	 * @param mapper the mapper
	 */
	public JacksonSerializer(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Returns the serializer on {@link OsloJson#mapper()}.
	 * @return the default serializer
	 */
	public static JacksonSerializer defaultSerializer() {
		return DEFAULT;
	}

	@Override
	public @Nullable Object serializeEntity(RpcContext context, @Nullable Object entity) {
		if (entity instanceof Optional<?> optional) {
			return optional.orElse(null);
		}
		return entity;
	}

	@Override
	public @Nullable Object deserializeEntity(RpcContext context, @Nullable Object primitive, Type type) {
		if (type == Object.class) {
			return primitive;
		}
		if (primitive != null && type instanceof Class<?> cls && !cls.isPrimitive() && cls.isInstance(primitive)
				&& isLeaf(primitive)) {
			return primitive;
		}
		JavaType javaType = this.mapper.constructType(type);
		if (primitive == null) {
			if (javaType.isPrimitive()) {
				throw new SerializationException("null is not a valid " + javaType.getRawClass().getName(), null);
			}
			return javaType.isTypeOrSubTypeOf(Optional.class) ? Optional.empty() : null;
		}
		try {
			return this.mapper.convertValue(primitive, javaType);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			String message = (ex instanceof JacksonException jex) ? jex.getOriginalMessage() : ex.getMessage();
			throw new SerializationException(
					"cannot convert " + describe(primitive) + " to " + javaType.toCanonical() + ": " + message, ex);
		}
	}

	private static boolean isLeaf(Object value) {
		return value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long;
	}

	private static String describe(Object value) {
		if (value instanceof String s) {
			return "string \"" + ((s.length() > 40) ? s.substring(0, 40) + "..." : s) + "\"";
		}
		if (value instanceof java.util.Map) {
			return "object";
		}
		if (value instanceof java.util.List) {
			return "array";
		}
		return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + value;
	}

}
