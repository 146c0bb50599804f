package io.oslo4j.rpc.client;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.wire.FailureRecord;

/**
 * Turns remote failures into exceptions (oslo's {@code deserialize_remote_exception} with
 * {@code allowed_remote_exmods}): a failure whose module and class are allow-listed
 * becomes the typed exception registered for it; every other failure becomes a
 * {@link RemoteRpcException}. The allow-list is configuration: a message can never name a
 * class to load or instantiate. Immutable; {@code allow} methods return copies.
 */
public final class RemoteExceptionMapper {

	private static final RemoteExceptionMapper NONE = new RemoteExceptionMapper(Map.of());

	private final Map<String, Function<FailureRecord, ? extends RuntimeException>> allowed;

	private RemoteExceptionMapper(Map<String, Function<FailureRecord, ? extends RuntimeException>> allowed) {
		this.allowed = allowed;
	}

	/**
	 * Returns the mapper with an empty allow-list: every failure is a
	 * {@link RemoteRpcException}.
	 * @return the default mapper
	 */
	public static RemoteExceptionMapper none() {
		return NONE;
	}

	/**
	 * Allows a failure by module and class, built by a factory of your own.
	 * @param module the failure's module (e.g. {@code nova.exception}, {@code builtins})
	 * @param className the failure's class (e.g. {@code InstanceNotFound})
	 * @param factory builds the exception
	 * @return a new mapper
	 */
	public RemoteExceptionMapper allow(String module, String className,
			Function<FailureRecord, ? extends RuntimeException> factory) {
		Map<String, Function<FailureRecord, ? extends RuntimeException>> copy = new HashMap<>(this.allowed);
		copy.put(key(module, className), factory);
		return new RemoteExceptionMapper(Map.copyOf(copy));
	}

	/**
	 * Allows a Java exception type sent by a Java server: failures whose module is the
	 * type's package and whose class is its simple name are rebuilt with its
	 * {@code (String message)} constructor, with the {@link RemoteRpcException} (remote
	 * class, module, traceback) as their cause.
	 * @param type the exception type
	 * @return a new mapper
	 * @throws IllegalArgumentException when the type has no public {@code (String)}
	 * constructor
	 */
	public RemoteExceptionMapper allow(Class<? extends RuntimeException> type) {
		Constructor<? extends RuntimeException> constructor;
		try {
			constructor = type.getConstructor(String.class);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalArgumentException(
					"Allowed remote exception " + type.getName() + " needs a public (String message) constructor", ex);
		}
		return allow(type.getPackageName(), type.getSimpleName(), (failure) -> {
			RuntimeException exception;
			try {
				exception = constructor.newInstance(failure.message());
			}
			catch (ReflectiveOperationException ex) {
				return remote(failure);
			}
			try {
				exception.initCause(remote(failure));
			}
			catch (IllegalStateException ex) {
				// the constructor set a cause already
			}
			return exception;
		});
	}

	/**
	 * Returns the exception for a failure.
	 * @param failure the failure
	 * @return the exception to raise
	 */
	public RuntimeException map(FailureRecord failure) {
		String module = (failure.module() != null && failure.module().equals("exceptions")) ? FailureRecord.BUILTINS
				: failure.module();
		Function<FailureRecord, ? extends RuntimeException> factory = (module != null)
				? this.allowed.get(key(module, failure.className())) : null;
		if (factory != null) {
			try {
				return factory.apply(failure);
			}
			catch (RuntimeException ex) {
				return remote(failure);
			}
		}
		return remote(failure);
	}

	private static RemoteRpcException remote(FailureRecord failure) {
		return new RemoteRpcException(failure.className(), failure.module(), failure.message(), failure.traceback(),
				failure.args(), failure.kwargs());
	}

	private static String key(String module, String className) {
		return module + ":" + className;
	}

}
