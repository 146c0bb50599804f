package io.oslo4j.rpc.test;

import java.util.function.Function;

import io.oslo4j.rpc.wire.FailureRecord;
import org.jspecify.annotations.Nullable;

/**
 * The answer of one stubbed method, made by {@link RpcStub#on(String)}. Casts to the
 * method are recorded and acknowledged whatever the answer; the answer is for calls.
 */
public final class RpcStubbing {

	private final RpcStub stub;

	private final String method;

	RpcStubbing(RpcStub stub, String method) {
		this.stub = stub;
		this.method = method;
	}

	/**
	 * Answers every call with a value, serialized as the application's serializer
	 * serializes results (a record or bean becomes a JSON object).
	 * @param value the value, or {@code null}
	 * @return the stub, to stub another method
	 */
	public RpcStub willReturn(@Nullable Object value) {
		return willAnswer((request) -> value);
	}

	/**
	 * Answers every call with the function's result for the request (its arguments and
	 * context). A function that throws answers with that exception as the remote failure
	 * (its simple class name, its package as module).
	 * @param answer computes the result
	 * @return the stub, to stub another method
	 */
	public RpcStub willAnswer(Function<RecordedRequest, @Nullable Object> answer) {
		return this.stub.answer(this.method, new StubAnswer.Result(answer));
	}

	/**
	 * Answers every call with a remote error, as oslo.messaging sends an exception raised
	 * by an endpoint: the caller gets a {@code RemoteRpcException} with this class name
	 * and message, or the exception the application's remote exception mapper makes of
	 * it.
	 * @param exceptionClass the remote exception's Python (or Java) class name, with its
	 * module: {@code nova.exception.InstanceNotFound}; a name without a module, such as
	 * {@code ValueError}, is a Python built-in
	 * @param message the exception's message ({@code str(exc)})
	 * @return the stub, to stub another method
	 * @throws IllegalArgumentException when the class name is blank or ends with a dot
	 */
	public RpcStub willThrow(String exceptionClass, String message) {
		return willThrow(failure(exceptionClass, message));
	}

	/**
	 * Answers every call with a remote failure given in full (class, module, message,
	 * traceback, arguments).
	 * @param failure the failure
	 * @return the stub, to stub another method
	 */
	public RpcStub willThrow(FailureRecord failure) {
		return this.stub.answer(this.method, new StubAnswer.Failure(failure));
	}

	/**
	 * Never answers: a call waits until its timeout and fails with
	 * {@code RpcTimeoutException}. Give the client a short timeout in such a test
	 * ({@code rpc.clients.<name>.timeout}).
	 * @return the stub, to stub another method
	 */
	public RpcStub willNeverAnswer() {
		return this.stub.answer(this.method, new StubAnswer.Silence());
	}

	static FailureRecord failure(String exceptionClass, String message) {
		String name = exceptionClass.strip();
		int dot = name.lastIndexOf('.');
		if (name.isEmpty() || dot == name.length() - 1 || dot == 0) {
			throw new IllegalArgumentException("The remote exception class must be a class name with its module, "
					+ "such as 'nova.exception.InstanceNotFound', or a Python built-in such as 'ValueError'; got '"
					+ exceptionClass + "'");
		}
		return (dot < 0) ? FailureRecord.of(name, FailureRecord.BUILTINS, message)
				: FailureRecord.of(name.substring(dot + 1), name.substring(0, dot), message);
	}

}
