package io.oslo4j.rpc.boot.security.endpoints;

import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.security.FrameworkMethodsEndpoint;

/**
 * Framework overrides and annotated callbacks on a bean that is not proxied.
 */
@RpcEndpoint(namespace = "plain")
public class PlainEndpoint extends FrameworkMethodsEndpoint {

}
