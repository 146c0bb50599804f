package io.oslo4j.rpc;

import org.jspecify.annotations.Nullable;

/**
 * A received message that is not a valid oslo message: not JSON, a missing or unsupported
 * envelope version (oslo's {@code UnsupportedRpcEnvelopeVersion}), a wrong content type,
 * or a body without the keys its kind requires.
 */
public class MalformedMessageException extends RpcException {

	private static final long serialVersionUID = 1L;

	public MalformedMessageException(String message) {
		super(message);
	}

	public MalformedMessageException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
