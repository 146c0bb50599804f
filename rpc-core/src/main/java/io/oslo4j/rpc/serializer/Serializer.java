package io.oslo4j.rpc.serializer;

import java.lang.reflect.Type;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import org.jspecify.annotations.Nullable;

/**
 * Turns arguments, results and contexts into JSON-ready values and back (oslo's
 * {@code Serializer}: {@code serialize_entity}, {@code deserialize_entity},
 * {@code serialize_context}, {@code deserialize_context}).
 * <p>
 * A serialized entity must be writable by the wire codec's Jackson mapper: JSON
 * primitives, {@code Map}s and {@code List}s always are; the {@link JacksonSerializer}
 * passes any Jackson-serializable object through. A deserialized entity is converted to
 * the declared Java type. Implementations never instantiate a class named by a message.
 */
public interface Serializer {

	/**
	 * Converts an argument or result into a JSON-ready value.
	 * @param context the request context
	 * @param entity the value
	 * @return the JSON-ready value
	 */
	@Nullable Object serializeEntity(RpcContext context, @Nullable Object entity);

	/**
	 * Converts a received JSON value (maps, lists, strings, numbers, booleans,
	 * {@code null}) to a declared type.
	 * @param context the request context
	 * @param primitive the received value
	 * @param type the declared type (a parameter's or a return type)
	 * @return the converted value
	 * @throws SerializationException naming the type when the value does not convert
	 */
	@Nullable Object deserializeEntity(RpcContext context, @Nullable Object primitive, Type type);

	/**
	 * Converts a context into the entries sent as {@code _context_*} keys.
	 * @param context the context
	 * @return the entries
	 */
	default Map<String, @Nullable Object> serializeContext(RpcContext context) {
		return context.asMap();
	}

	/**
	 * Rebuilds a context from the received {@code _context_*} entries.
	 * @param entries the entries
	 * @return the context
	 */
	default RpcContext deserializeContext(Map<String, @Nullable Object> entries) {
		return RpcContext.of(entries);
	}

}
