/**
 * Bad input and security tests: a fuzz of malformed messages against a RabbitMQ server,
 * the message size limit, the method access policy, remote exceptions and gadget
 * payloads, credentials in logs, TLS.
 */
@NullMarked
package io.oslo4j.rpc.security;

import org.jspecify.annotations.NullMarked;
