package io.oslo4j.rpc.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link io.oslo4j.rpc.client.RpcClientInterceptor} bean (its class or its
 * {@code @Bean} method) that applies to every client: {@code @RpcClient} proxies and
 * {@link RpcClientFactory#client(String)}. Global interceptors run first, in
 * {@code @Order}; then those a client names in {@code rpc.clients.<name>.interceptors}
 * (bean names), in the listed order. An interceptor bean without this annotation runs
 * only for the clients that name it.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface GlobalRpcClientInterceptor {

}
