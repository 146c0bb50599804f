/**
 * Fault tests on real RabbitMQ nodes: broker restart under load, cluster failover, server
 * crash, graceful shutdown and overload, each printing its figures.
 */
@NullMarked
package io.oslo4j.rpc.reliability;

import org.jspecify.annotations.NullMarked;
