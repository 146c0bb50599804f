/**
 * Tests of the Kafka notification transport on a real Kafka broker, and interop with
 * Python oslo.messaging's kafka:// driver.
 */
@NullMarked
package io.oslo4j.rpc.kafka;

import org.jspecify.annotations.NullMarked;
