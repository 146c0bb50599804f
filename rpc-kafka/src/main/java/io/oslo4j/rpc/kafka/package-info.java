/**
 * oslo.messaging's {@code kafka://} notification driver on the Apache Kafka client: the
 * only package that touches Kafka types. Found by {@code Transports} through
 * {@code META-INF/services}; it carries notifications only, as oslo's driver does.
 */
@NullMarked
package io.oslo4j.rpc.kafka;

import org.jspecify.annotations.NullMarked;
