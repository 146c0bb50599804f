/**
 * The RPC server and dispatcher.
 */
@NullMarked
package io.oslo4j.rpc.server;

import org.jspecify.annotations.NullMarked;
