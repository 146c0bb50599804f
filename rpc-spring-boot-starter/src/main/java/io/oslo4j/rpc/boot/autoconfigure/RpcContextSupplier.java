package io.oslo4j.rpc.boot.autoconfigure;

import java.util.function.Supplier;

import io.oslo4j.rpc.RpcContext;

/**
 * Supplies the request context of {@code @RpcClient} methods that take no
 * {@link RpcContext} parameter, e.g. the current request id and user. Define one bean of
 * this type to apply it to every client; without one, such methods send an empty context.
 * Called on the calling thread, once per message.
 */
@FunctionalInterface
public interface RpcContextSupplier extends Supplier<RpcContext> {

}
