package io.oslo4j.rpc.boot.autoconfigure;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.server.RpcServerOptions;

/**
 * Changes how one RPC server runs, after {@code rpc.server.*} has been applied: worker
 * threads, queue capacity, duplicate cache, ack mode, executor... Every bean of this type
 * is applied, in {@code @Order}, to the options of each server the starter makes (one per
 * topic), when the context starts.
 *
 * <pre class="code">
 * &#64;Bean
 * RpcServerCustomizer bigQueueForInventory() {
 *     return (target, options) -&gt; "inventory".equals(target.topic())
 *             ? options.withQueueCapacity(10_000) : options;
 * }
 * </pre>
 */
@FunctionalInterface
public interface RpcServerCustomizer {

	/**
	 * Customizes the options of a server.
	 * @param target the server's target (topic and server name)
	 * @param options its options so far
	 * @return the options to use (the same when nothing changes)
	 */
	RpcServerOptions customize(Target target, RpcServerOptions options);

}
