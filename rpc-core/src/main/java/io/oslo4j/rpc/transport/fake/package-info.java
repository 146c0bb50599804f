/**
 * The in-memory {@code fake://} transport: broker semantics without a broker.
 */
@NullMarked
package io.oslo4j.rpc.transport.fake;

import org.jspecify.annotations.NullMarked;
