/**
 * Tests of the benchmark program: its options, a short run, and the Debian 13 root it
 * takes its Python peers from.
 */
@NullMarked
package io.oslo4j.bench;

import org.jspecify.annotations.NullMarked;
