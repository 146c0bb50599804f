package io.oslo4j.rpc.boot.notify;

import java.util.List;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.notify.NotificationListenerOptions;

/**
 * Changes how one notification listener runs, after {@code rpc.notifications.listener.*}
 * has been applied: worker threads, executor, requeue, batching... Every bean of this
 * type is applied, in {@code @Order}, to the options of each listener the starter makes
 * (one per topics, exchange and pool of the {@code @RpcNotificationListener} methods),
 * when the context starts.
 *
 * <pre class="code">
 * &#64;Bean
 * RpcNotificationListenerCustomizer requeueInAuditPool() {
 *     return (targets, options) -&gt; "audit".equals(options.pool())
 *             ? options.withAllowRequeue(true) : options;
 * }
 * </pre>
 */
@FunctionalInterface
public interface RpcNotificationListenerCustomizer {

	/**
	 * Customizes the options of a listener.
	 * @param targets the listener's targets, one per topic
	 * @param options its options so far (with its pool)
	 * @return the options to use (the same when nothing changes)
	 */
	NotificationListenerOptions customize(List<Target> targets, NotificationListenerOptions options);

}
