package io.oslo4j.rpc;

import org.jspecify.annotations.Nullable;

/**
 * The requested message version is above the client's version cap (oslo's
 * {@code RPCVersionCapError}), raised before anything is sent.
 */
public class RpcVersionCapException extends RpcException {

	private static final long serialVersionUID = 1L;

	public RpcVersionCapException(@Nullable String version, String versionCap) {
		super("Requested message version, " + version
				+ " is incompatible.  It needs to be equal in major version and less than or equal in minor version as the specified version cap "
				+ versionCap + ".");
	}

}
