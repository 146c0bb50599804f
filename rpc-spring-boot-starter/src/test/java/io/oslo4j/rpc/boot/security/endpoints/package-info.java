/**
 * Endpoints written the way Spring users write beans, plain and proxied (transactions,
 * validation, an aspect's advice, interface proxies), for the access policy tests.
 */
@NullMarked
package io.oslo4j.rpc.boot.security.endpoints;

import org.jspecify.annotations.NullMarked;
