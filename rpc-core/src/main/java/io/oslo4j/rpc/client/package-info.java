/**
 * The RPC client: call, cast, fanout cast, prepare, reply waiting.
 */
@NullMarked
package io.oslo4j.rpc.client;

import org.jspecify.annotations.NullMarked;
