package io.oslo4j.rpc.server;

/**
 * Which public methods of an endpoint may be called over RPC (oslo's
 * {@code access_policy}). Under either policy, methods of {@code Object}, of JDK and
 * framework types, container callbacks, static methods and names starting with {@code _}
 * are never callable: {@code @RpcMethod} on such a method fails startup.
 */
public enum AccessPolicy {

	/**
	 * oslo's {@code DefaultRPCAccessPolicy}: every public method, except those above.
	 */
	DEFAULT,

	/**
	 * oslo's {@code ExplicitRPCAccessPolicy}: only the public methods annotated
	 * {@code @RpcMethod} (oslo's {@code @expose}), except those above.
	 */
	EXPLICIT

}
