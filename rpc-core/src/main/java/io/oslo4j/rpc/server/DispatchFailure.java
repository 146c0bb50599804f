package io.oslo4j.rpc.server;

import io.oslo4j.rpc.RpcException;
import io.oslo4j.rpc.wire.FailureRecord;

/**
 * A request the dispatcher refused, with the failure to send back: oslo's
 * {@code NoSuchMethod} and {@code UnsupportedVersion}, and the Python built-in errors a
 * Python server would raise for bad arguments ({@code TypeError}, {@code AttributeError},
 * {@code IndexError}), so Python callers see what they would see from a Python server.
 */
public class DispatchFailure extends RpcException {

	private static final long serialVersionUID = 1L;

	private final transient FailureRecord failure;

	public DispatchFailure(FailureRecord failure) {
		super(failure.className() + ": " + failure.message());
		this.failure = failure;
	}

	/**
	 * Returns oslo's {@code NoSuchMethod}.
	 * @param method the method name
	 * @return the failure
	 */
	public static DispatchFailure noSuchMethod(String method) {
		return new DispatchFailure(FailureRecord.of("NoSuchMethod", FailureRecord.DISPATCHER_MODULE,
				"Endpoint does not support RPC method " + method));
	}

	/**
	 * Returns oslo's {@code UnsupportedVersion}.
	 * @param version the requested version as oslo prints it ({@code None} for null)
	 * @param method the method name
	 * @return the failure
	 */
	public static DispatchFailure unsupportedVersion(String version, String method) {
		return new DispatchFailure(FailureRecord.of("UnsupportedVersion", FailureRecord.DISPATCHER_MODULE,
				"Endpoint does not support RPC version " + version + ". Attempted method: " + method));
	}

	/**
	 * Returns a Python built-in error.
	 * @param className e.g. {@code TypeError}
	 * @param message the message
	 * @return the failure
	 */
	public static DispatchFailure builtin(String className, String message) {
		return new DispatchFailure(FailureRecord.of(className, FailureRecord.BUILTINS, message));
	}

	/**
	 * Returns the failure to send back.
	 * @return the failure
	 */
	public FailureRecord failure() {
		return this.failure;
	}

}
