package io.oslo4j.rpc.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Puts a Spring test context on an in-memory broker of its own and adds an
 * {@link RpcTestHarness} bean, with which a test asserts what the application called,
 * cast, fanned out and notified, and stubs the services it calls.
 * <p>
 * Each application context made for an annotated test class gets
 * {@code rpc.transport-url=fake:///rpc-test-<uuid>} (and, when the application sends
 * notifications on a transport of their own, the same URL for
 * {@code rpc.notifications.transport-url}), so that contexts Spring caches side by side
 * never consume each other's messages, even on the same topics. A
 * {@code rpc.transport-url} set in the test's own properties
 * ({@code @SpringBootTest(properties = ...)}, {@code @TestPropertySource}) wins; it must
 * then be a {@code fake://} URL for the harness to work.
 * <p>
 * After each test method the harness is {@linkplain RpcTestHarness#reset() reset}: its
 * records are cleared and its stubs stopped.
 *
 * <pre class="code">
 * &#64;SpringBootTest(properties = "rpc.server.enabled=false")
 * &#64;AutoConfigureRpcTest
 * class BillingTest {
 *
 *     &#64;Autowired RpcTestHarness harness;
 *
 *     &#64;Test
 *     void chargesTheOrder() {
 *         harness.stub("payments").on("charge").willReturn(Map.of("status", "ok"));
 *         ...
 *         assertThat(harness.awaitRequest("payments", "charge").arg("amount")).isEqualTo(42);
 *     }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureRpcTest {

}
