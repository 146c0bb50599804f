package io.oslo4j.rpc.boot.autoconfigure;

import io.oslo4j.rpc.client.RpcTemplate;

/**
 * Changes one RPC client, after its annotation and {@code rpc.clients.<name>.*} have been
 * applied: its target (server, version, namespace...) through
 * {@link RpcTemplate#prepare}, or its options. Every bean of this type is applied, in
 * {@code @Order}, to each client the starter makes: the proxy of an {@code @RpcClient}
 * interface, or a {@link RpcClientFactory#client(String)}.
 *
 * <pre class="code">
 * &#64;Bean
 * RpcClientCustomizer slowCompute() {
 *     return (name, client) -&gt; "compute".equals(name)
 *             ? client.prepare((prepare) -&gt; prepare.timeout(Duration.ofMinutes(5))) : client;
 * }
 * </pre>
 */
@FunctionalInterface
public interface RpcClientCustomizer {

	/**
	 * Customizes a client.
	 * @param name the client name ({@code @RpcClient("name")}, the key of
	 * {@code rpc.clients})
	 * @param client the client so far
	 * @return the client to use (the same when nothing changes)
	 */
	RpcTemplate customize(String name, RpcTemplate client);

}
