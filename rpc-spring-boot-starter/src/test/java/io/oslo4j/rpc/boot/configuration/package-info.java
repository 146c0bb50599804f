/**
 * Every documented {@code rpc.*} property, written as a user writes it in
 * {@code application.yml}, and its effect: on the effective settings of the transport,
 * servers, clients, notifier and listeners, and on the wire of a real RabbitMQ.
 */
@NullMarked
package io.oslo4j.rpc.boot.configuration;

import org.jspecify.annotations.NullMarked;
