/**
 * The oslo4j sample: a calculator service served over oslo RPC and an HTTP API that calls
 * it through {@code @RpcClient} proxies.
 */
@NullMarked
package io.oslo4j.sample;

import org.jspecify.annotations.NullMarked;
