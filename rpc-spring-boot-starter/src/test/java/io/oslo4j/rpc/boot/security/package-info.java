/**
 * Security tests of the starter: credentials in logs and actuator endpoints.
 */
@NullMarked
package io.oslo4j.rpc.boot.security;

import org.jspecify.annotations.NullMarked;
