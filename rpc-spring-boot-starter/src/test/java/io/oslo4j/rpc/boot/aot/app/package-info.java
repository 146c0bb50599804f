/**
 * A small application processed ahead of time by the AOT tests: a client, an endpoint and
 * a notification listener.
 */
@NullMarked
package io.oslo4j.rpc.boot.aot.app;

import org.jspecify.annotations.NullMarked;
