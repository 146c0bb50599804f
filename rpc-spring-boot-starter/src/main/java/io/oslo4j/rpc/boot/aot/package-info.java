/**
 * Spring AOT and GraalVM native image support: the reflection, proxy and Jackson binding
 * hints that {@code @RpcClient} interfaces, {@code @RpcEndpoint} beans and
 * {@code @RpcNotificationListener} methods need once the application is processed ahead
 * of time.
 */
@NullMarked
package io.oslo4j.rpc.boot.aot;

import org.jspecify.annotations.NullMarked;
