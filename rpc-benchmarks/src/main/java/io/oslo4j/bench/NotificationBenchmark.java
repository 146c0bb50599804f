package io.oslo4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
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
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;

/**
 * The notification benchmark: one Java {@link Notifier} sends {@code --count}
 * notifications as fast as it can to one Java listener (its own pool), over each
 * transport given (RabbitMQ, Kafka), and a markdown table reports notifications per
 * second sent (the notifier's rate) and received (first send to last notification
 * handled). Run: {@code java -cp rpc-benchmarks.jar io.oslo4j.bench.NotificationBenchmark
 * --rabbit rabbit://guest:guest@127.0.0.1:5672/ --kafka kafka://127.0.0.1:9092/ --count 20000}.
 * The Kafka topics are created by the broker on first use (one partition).
 */
public final class NotificationBenchmark {

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private NotificationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String rabbit = "rabbit://guest:guest@127.0.0.1:5672/";
		String kafka = null;
		int count = 20_000;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--rabbit" -> rabbit = args[++i];
				case "--kafka" -> kafka = args[++i];
				case "--count" -> count = Integer.parseInt(args[++i]);
				default -> throw new IllegalArgumentException(
						"unknown option " + args[i] + " (valid: --rabbit URL, --kafka URL, --count N)");
			}
		}
		List<String> rows = new ArrayList<>();
		rows.add("| Transport | Notifications | Sent/s | Received/s |");
		rows.add("|---|---|---|---|");
		rows.add(run("RabbitMQ (" + Transports.create(rabbit).url() + ")", rabbit, count));
		if (kafka != null) {
			rows.add(run("Kafka (" + kafka + ")", kafka, count));
		}
		rows.forEach(System.out::println);
		System.exit(0);
	}

	private static String run(String name, String url, int count) throws Exception {
		String topic = "bench_notify_" + UUID.randomUUID().toString().substring(0, 8);
		AtomicInteger received = new AtomicInteger();
		NotificationEndpoint endpoint = new NotificationEndpoint() {

			@Override
			public java.util.Set<NotificationPriority> priorities() {
				return java.util.EnumSet.of(NotificationPriority.INFO);
			}

			@Override
			public NotificationResult handle(NotificationPriority priority, Notification n) {
				received.incrementAndGet();
				return NotificationResult.HANDLED;
			}
		};
		try (Transport listening = Transports.create(url); Transport sending = Transports.create(url)) {
			NotificationListener listener = NotificationListener.create(listening, List.of(Target.topic(topic)),
					List.of(endpoint), NotificationListenerOptions.defaults().withPool(topic + "_pool"));
			listener.start();
			Notifier notifier = new Notifier(sending, "bench.host", NotifierDriver.MESSAGING_V2, List.of(topic));
			Map<String, Object> payload = Map.of("instance_id", "i-1", "state", "active", "vcpus", 2);
			// until the listener gets one: queues and consumer groups are in place
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (received.get() == 0) {
				notifier.info(RpcContext.empty(), "bench.warmup", payload);
				LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
				check(deadline, name);
			}
			LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
			int base = received.get();
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				notifier.info(RpcContext.empty(), "bench.event", payload);
			}
			long sent = System.nanoTime();
			while (received.get() - base < count) {
				LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
				check(deadline, name);
			}
			long done = System.nanoTime();
			listener.close();
			if (url.startsWith("rabbit://")) {
				deleteQueues(url, topic);
			}
			return String.format(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f |", name, count,
					count / ((sent - start) / 1e9), count / ((done - start) / 1e9));
		}
	}

	// the notifier's <topic>.info queue and the pool's queue stay on the broker, as
	// oslo's
	private static void deleteQueues(String url, String topic) throws Exception {
		TransportUrl.Host host = TransportUrl.parse(url).hosts().get(0);
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(host.effectiveHostname());
		factory.setPort(host.effectivePort());
		factory.setUsername((host.username() != null) ? host.username() : "guest");
		factory.setPassword((host.password() != null) ? host.password() : "guest");
		factory.setVirtualHost(TransportUrl.parse(url).effectiveVirtualHost());
		try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
			channel.queueDelete(topic + ".info");
			channel.queueDelete(topic + "_pool");
		}
	}

	private static void check(long deadline, String name) {
		if (System.nanoTime() > deadline) {
			throw new IllegalStateException(name + ": notifications did not arrive within " + TIMEOUT);
		}
	}

}
