/**
 * The RabbitMQ transport on Spring AMQP; the only package that touches AMQP types.
 */
@NullMarked
package io.oslo4j.rpc.rabbit;

import org.jspecify.annotations.NullMarked;
