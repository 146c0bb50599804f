/**
 * The application the harness's tests run.
 */
@NullMarked
package io.oslo4j.rpc.test.app;

import org.jspecify.annotations.NullMarked;
