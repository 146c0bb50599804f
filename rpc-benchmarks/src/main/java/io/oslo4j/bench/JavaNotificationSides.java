package io.oslo4j.bench;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.notify.Notification;
import io.oslo4j.rpc.notify.NotificationEndpoint;
import io.oslo4j.rpc.notify.NotificationListener;
import io.oslo4j.rpc.notify.NotificationListenerOptions;
import io.oslo4j.rpc.notify.NotificationPriority;
import io.oslo4j.rpc.notify.NotificationResult;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.notify.NotifierDriver;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;

/**
 * The Java ends of the notification benchmark: a {@link Notifier} and a
 * {@link NotificationListener} in a pool, each on a transport of its own.
 */
final class JavaNotificationSides {

	static final Map<String, Object> PAYLOAD = Map.of("instance_id", "i-1", "state", "active", "vcpus", 2);

	private JavaNotificationSides() {
	}

	/** A Java {@link Notifier}. */
	static final class Sender implements NotificationSide.Sender {

		private final Transport transport;

		private final Notifier notifier;

		Sender(String url, String topic) {
			this.transport = Transports.create(url);
			this.notifier = new Notifier(this.transport, "bench.host", NotifierDriver.MESSAGING_V2, List.of(topic));
		}

		@Override
		public void warm() {
			this.notifier.info(RpcContext.empty(), "bench.warmup", PAYLOAD);
		}

		@Override
		public double sendAll(int count) {
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				this.notifier.info(RpcContext.empty(), "bench.event", PAYLOAD);
			}
			return (System.nanoTime() - start) / 1e9;
		}

		@Override
		public String who() {
			return "Java";
		}

		@Override
		public void close() {
			this.transport.close();
		}

	}

	/** A Java {@link NotificationListener} in a pool, counting what it handles. */
	static final class Receiver implements NotificationSide.Receiver {

		private final Transport transport;

		private final NotificationListener listener;

		private final AtomicInteger received = new AtomicInteger();

		private volatile boolean warmed;

		Receiver(String url, String topic, String pool) {
			this.transport = Transports.create(url);
			NotificationEndpoint endpoint = new NotificationEndpoint() {

				@Override
				public Set<NotificationPriority> priorities() {
					return EnumSet.of(NotificationPriority.INFO);
				}

				@Override
				public NotificationResult handle(NotificationPriority priority, Notification notification) {
					if ("bench.warmup".equals(notification.eventType())) {
						JavaNotificationSides.Receiver.this.warmed = true;
					}
					else {
						JavaNotificationSides.Receiver.this.received.incrementAndGet();
					}
					return NotificationResult.HANDLED;
				}

			};
			this.listener = NotificationListener.create(this.transport, List.of(Target.topic(topic)), List.of(endpoint),
					NotificationListenerOptions.defaults().withPool(pool));
			this.listener.start();
		}

		@Override
		public boolean warmed() {
			return this.warmed;
		}

		@Override
		public void awaitAll(int count, long deadlineNanos) {
			while (this.received.get() < count) {
				LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
				if (System.nanoTime() > deadlineNanos) {
					throw new IllegalStateException("the Java listener handled " + this.received.get() + " of " + count
							+ " notifications in time");
				}
			}
		}

		@Override
		public String who() {
			return "Java";
		}

		@Override
		public void close() {
			this.listener.close();
			this.transport.close();
		}

	}

}
