package io.oslo4j.rpc.client;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.observation.RpcKind;

/**
 * A message an {@link RpcClientInterceptor} sees before it is sent.
 *
 * @param target where it goes (topic, server, namespace, version, fanout)
 * @param method the method name as sent on the wire
 * @param kind call, cast or fanout cast
 * @param context the request context so far
 */
public record RpcClientCall(Target target, String method, RpcKind kind, RpcContext context) {

}
