/**
 * The oslo.messaging RPC model: {@link io.oslo4j.rpc.Target},
 * {@link io.oslo4j.rpc.RpcVersion}, {@link io.oslo4j.rpc.RpcContext} and the exceptions.
 */
@NullMarked
package io.oslo4j.rpc;

import org.jspecify.annotations.NullMarked;
