/**
 * Actuator health of the oslo4j transport and RPC servers.
 */
@NullMarked
package io.oslo4j.rpc.boot.health;

import org.jspecify.annotations.NullMarked;
