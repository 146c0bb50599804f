/**
 * Spring Boot auto-configuration of oslo4j: transport, @RpcEndpoint servers, @RpcClient
 * proxies.
 */
@NullMarked
package io.oslo4j.rpc.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
