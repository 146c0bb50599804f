/**
 * Test support for oslo4j applications: {@link io.oslo4j.rpc.test.AutoConfigureRpcTest}
 * puts each test context on an isolated in-memory broker and adds an
 * {@link io.oslo4j.rpc.test.RpcTestHarness} that records what the application sent and
 * stubs the services it calls.
 */
@NullMarked
package io.oslo4j.rpc.test;

import org.jspecify.annotations.NullMarked;
