package io.oslo4j.rpc.boot.security.endpoints;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.security.FrameworkMethodsEndpoint;

/**
 * Framework overrides and annotated callbacks on a bean that an aspect's class proxy
 * serves; {@code purge} is guarded by the aspect.
 */
@RpcEndpoint(namespace = "advised")
public class AdvisedEndpoint extends FrameworkMethodsEndpoint {

	@AdminOnly
	public String purge(RpcContext context) {
		this.ran.add("purge");
		return "purged";
	}

}
