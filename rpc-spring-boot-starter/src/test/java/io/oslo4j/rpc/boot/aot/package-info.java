/**
 * Tests of the AOT and native image hints, and of an application run from the code Spring
 * AOT generates.
 */
@NullMarked
package io.oslo4j.rpc.boot.aot;

import org.jspecify.annotations.NullMarked;
