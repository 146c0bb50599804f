package io.oslo4j.rpc.serializer;

import io.oslo4j.rpc.RpcException;
import org.jspecify.annotations.Nullable;

/**
 * A value that cannot be converted to or from its JSON form.
 */
public class SerializationException extends RpcException {

	private static final long serialVersionUID = 1L;

	public SerializationException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
