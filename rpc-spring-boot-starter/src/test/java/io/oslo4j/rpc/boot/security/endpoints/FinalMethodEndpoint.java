package io.oslo4j.rpc.boot.security.endpoints;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcEndpoint;

/**
 * An aspect-guarded endpoint with a {@code public final} guarded method: its class proxy
 * cannot advise {@code wipe}, so a call would run it without the role check.
 */
@RpcEndpoint(namespace = "final")
public class FinalMethodEndpoint {

	@AdminOnly
	public String purge(RpcContext context) {
		return "purged";
	}

	@AdminOnly
	public final String wipe(RpcContext context) {
		return "wiped";
	}

}
