/**
 * Tests of the {@code rpc} Actuator endpoint.
 */
@NullMarked
package io.oslo4j.rpc.boot.actuate;

import org.jspecify.annotations.NullMarked;
