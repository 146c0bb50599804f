/**
 * Micrometer observations of RPC clients and servers: timers {@code rpc.client.requests}
 * and {@code rpc.server.requests}, and trace propagation through the request context.
 */
@NullMarked
package io.oslo4j.rpc.observation;

import org.jspecify.annotations.NullMarked;
