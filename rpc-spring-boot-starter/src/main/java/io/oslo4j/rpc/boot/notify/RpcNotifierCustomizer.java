package io.oslo4j.rpc.boot.notify;

import io.oslo4j.rpc.notify.Notifier;

/**
 * Changes the auto-configured {@link Notifier} after {@code rpc.notifications.*} has been
 * applied (its publisher id through {@link Notifier#prepare(String)}, its observations).
 * Every bean of this type is applied, in {@code @Order}.
 *
 * <pre class="code">
 * &#64;Bean
 * RpcNotifierCustomizer computePublisher() {
 *     return (notifier) -&gt; notifier.prepare("compute.host-1");
 * }
 * </pre>
 */
@FunctionalInterface
public interface RpcNotifierCustomizer {

	/**
	 * Customizes the notifier.
	 * @param notifier the notifier so far
	 * @return the notifier to use (the same when nothing changes)
	 */
	Notifier customize(Notifier notifier);

}
