/**
 * The {@code rpc} Actuator endpoint: what the application serves and calls over oslo RPC,
 * the notifications it listens to, and its transport.
 */
@NullMarked
package io.oslo4j.rpc.boot.actuate;

import org.jspecify.annotations.NullMarked;
