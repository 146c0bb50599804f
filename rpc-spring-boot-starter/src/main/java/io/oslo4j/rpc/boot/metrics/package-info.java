/**
 * Micrometer meters of oslo4j beyond its observations.
 */
@NullMarked
package io.oslo4j.rpc.boot.metrics;

import org.jspecify.annotations.NullMarked;
