package io.oslo4j.rpc.boot.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.boot.notify.RpcNotificationTransport;
import io.oslo4j.rpc.notify.NotificationListener;
import io.oslo4j.rpc.notify.NotificationPriority;
import io.oslo4j.rpc.transport.Transport;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of notification listening: UP when the notification transport is connected and
 * every {@code @RpcNotificationListener} group consumes all its queues; DOWN with a
 * {@code reason} otherwise, which for a listener that could not start is its failure's
 * message (for a declaration the broker refused, it names the option to set). Details:
 * {@code url} (password masked), whether the transport is {@code separate} from the RPC
 * one ({@code rpc.notifications.transport-url}), and per listener its {@code targets},
 * {@code priorities}, {@code pool} (when set), {@code running}, {@code dropped} (messages
 * that were not notifications) and, while it could not start, {@code error}.
 * <p>
 * As cheap as {@link RpcHealthIndicator}: it reads states and never waits; a disconnected
 * transport is asked to connect in the background.
 */
public class RpcNotificationsHealthIndicator extends AbstractHealthIndicator {

	private final RpcNotificationTransport transport;

	private final Supplier<List<NotificationListener>> listeners;

	private final Function<NotificationListener, @Nullable Throwable> startFailures;

	/**
	 * Makes the indicator.
	 * @param transport the notification transport
	 * @param listeners the running listeners (read on every check)
	 */
	public RpcNotificationsHealthIndicator(RpcNotificationTransport transport,
			Supplier<List<NotificationListener>> listeners) {
		this(transport, listeners, (listener) -> null);
	}

	/**
	 * Makes the indicator.
	 * @param transport the notification transport
	 * @param listeners the running listeners (read on every check)
	 * @param startFailures why a listener has not started yet, {@code null} when it did
	 */
	public RpcNotificationsHealthIndicator(RpcNotificationTransport transport,
			Supplier<List<NotificationListener>> listeners,
			Function<NotificationListener, @Nullable Throwable> startFailures) {
		super("RPC notifications health check failed");
		this.transport = transport;
		this.listeners = listeners;
		this.startFailures = startFailures;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Transport current = this.transport.transport();
		boolean connected = current.connect(Duration.ZERO);
		builder.withDetail("url", current.url().toString()).withDetail("separate", this.transport.isSeparate());
		List<Map<String, Object>> details = new ArrayList<>();
		List<String> notConsuming = new ArrayList<>();
		List<String> startFailures = new ArrayList<>();
		for (NotificationListener listener : this.listeners.get()) {
			List<String> targets = listener.targets().stream().map(RpcNotificationsHealthIndicator::describe).toList();
			boolean running = listener.isRunning();
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("targets", targets);
			Set<NotificationPriority> priorities = listener.priorities();
			detail.put("priorities",
					Arrays.stream(NotificationPriority.values())
						.filter(priorities::contains)
						.map(NotificationPriority::lowerName)
						.toList());
			String pool = listener.pool();
			if (pool != null) {
				detail.put("pool", pool);
			}
			detail.put("running", running);
			detail.put("dropped", listener.droppedCount());
			Throwable failure = running ? null : this.startFailures.apply(listener);
			if (failure != null) {
				detail.put("error", ConsumingStatus.error(failure));
				startFailures.add("notification listener on " + targets + " could not start: " + failure.getMessage());
			}
			else if (!running) {
				notConsuming.add(targets.toString());
			}
			details.add(detail);
		}
		builder.withDetail("listeners", details);
		ConsumingStatus.apply(builder, connected, "notification listeners", notConsuming, startFailures);
	}

	private static String describe(Target target) {
		String exchange = target.exchange();
		return (exchange != null) ? exchange + "/" + target.topic() : String.valueOf(target.topic());
	}

}
