package io.oslo4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.jspecify.annotations.Nullable;

/**
 * The notification benchmark: {@code --count} {@code info} notifications sent as fast as
 * the sender can to one listener in a pool, over each transport given (RabbitMQ, Kafka),
 * for each pair of sender and receiver: Java and Python oslo.messaging (the host's
 * interpreter, {@code --python}). A markdown table reports notifications per second sent
 * (the sender's own rate) and received (first send to last notification handled). Run:
 * {@code java -cp rpc-benchmarks.jar io.oslo4j.bench.NotificationBenchmark --rabbit
 * rabbit://guest:guest@127.0.0.1:5672/ --kafka kafka://127.0.0.1:9092/ --count 20000}.
 * The Kafka topics are created by the broker on first use (one partition).
 */
public final class NotificationBenchmark {

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private NotificationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String rabbit = "rabbit://guest:guest@127.0.0.1:5672/";
		String kafka = null;
		String interpreter = "/usr/bin/python3";
		boolean withPython = true;
		int count = 20_000;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--rabbit" -> rabbit = args[++i];
				case "--kafka" -> kafka = args[++i];
				case "--count" -> count = Integer.parseInt(args[++i]);
				case "--python" -> interpreter = args[++i];
				case "--no-python" -> withPython = false;
				default -> throw new IllegalArgumentException("unknown option " + args[i]
						+ " (valid: --rabbit URL, --kafka URL, --count N, --python PATH, --no-python)");
			}
		}
		Python python = withPython ? Python.find(interpreter) : null;
		if (withPython && python == null) {
			System.err.println(interpreter + " cannot import oslo_messaging: Python rows are left out");
		}
		List<String> rows = new ArrayList<>();
		rows.add("| Transport | Sender | Receiver | Notifications | Sent/s | Received/s |");
		rows.add("|---|---|---|---|---|---|");
		rows.addAll(runAll("RabbitMQ", rabbit, count, python));
		if (kafka != null) {
			Python kafkaPython = (python != null && canImport(python, interpreter, "confluent_kafka")) ? python : null;
			if (python != null && kafkaPython == null) {
				System.err.println(interpreter + " cannot import confluent_kafka: Python rows over Kafka are left out");
			}
			rows.addAll(runAll("Kafka", kafka, count, kafkaPython));
		}
		rows.forEach(System.out::println);
		System.exit(0);
	}

	private static List<String> runAll(String transport, String url, int count, @Nullable Python python)
			throws Exception {
		List<String> rows = new ArrayList<>();
		String name = transport + " (" + Transports.create(url).url() + ")";
		for (boolean pythonSends : new boolean[] { false, true }) {
			for (boolean pythonReceives : new boolean[] { false, true }) {
				if ((pythonSends || pythonReceives) && python == null) {
					continue;
				}
				rows.add(run(name, url, count, pythonSends ? python : null, pythonReceives ? python : null));
				System.err.println(rows.get(rows.size() - 1));
			}
		}
		return rows;
	}

	/**
	 * Runs one pair: a Java end where its Python is {@code null}.
	 */
	private static String run(String name, String url, int count, @Nullable Python senderPython,
			@Nullable Python receiverPython) throws Exception {
		String topic = "bench_notify_" + UUID.randomUUID().toString().substring(0, 8);
		String pool = topic + "_pool";
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		try (NotificationSide.Receiver receiver = (receiverPython != null)
				? new PythonNotificationSides.Receiver(receiverPython, url, topic, pool, count, deadline)
				: new JavaNotificationSides.Receiver(url, topic, pool);
				NotificationSide.Sender sender = (senderPython != null)
						? new PythonNotificationSides.Sender(senderPython, url, topic, count, deadline)
						: new JavaNotificationSides.Sender(url, topic)) {
			// until the receiver gets one: queues, consumers and consumer groups are in
			// place
			while (!receiver.warmed()) {
				sender.warm();
				LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(name + ": no warm-up notification arrived within " + TIMEOUT);
				}
			}
			long start = System.nanoTime();
			double sendSeconds = sender.sendAll(count);
			receiver.awaitAll(count, deadline);
			long done = System.nanoTime();
			return String.format(Locale.ROOT, "| %s | %s | %s | %,d | %,.0f | %,.0f |", name, sender.who(),
					receiver.who(), count, count / sendSeconds, count / ((done - start) / 1e9));
		}
		finally {
			if (url.startsWith("rabbit://")) {
				deleteQueues(url, topic, pool);
			}
		}
	}

	private static boolean canImport(Python python, String interpreter, String module) {
		try {
			Python.evaluate(List.of(interpreter), "import " + module);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	// the notifier's <topic>.info queue and the pool's queue stay on the broker, as
	// oslo's
	private static void deleteQueues(String url, String topic, String pool) throws Exception {
		TransportUrl.Host host = TransportUrl.parse(url).hosts().get(0);
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(host.effectiveHostname());
		factory.setPort(host.effectivePort());
		factory.setUsername((host.username() != null) ? host.username() : "guest");
		factory.setPassword((host.password() != null) ? host.password() : "guest");
		factory.setVirtualHost(TransportUrl.parse(url).effectiveVirtualHost());
		try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
			channel.queueDelete(topic + ".info");
			channel.queueDelete(pool);
		}
	}

}
