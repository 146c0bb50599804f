/**
 * The RPC benchmark: {@link io.oslo4j.bench.BenchmarkMain} runs the same scenarios on
 * oslo4j, bare amqp-client, Spring AMQP and Python oslo.messaging, and prints a table.
 */
@NullMarked
package io.oslo4j.bench;

import org.jspecify.annotations.NullMarked;
