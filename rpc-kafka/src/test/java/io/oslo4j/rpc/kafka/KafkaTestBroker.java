package io.oslo4j.rpc.kafka;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * A real Apache Kafka broker (the {@code kafka_2.13} server of the test classpath) in
 * KRaft mode, one node acting as broker and controller, run as a child JVM: once per test
 * JVM, stopped by a shutdown hook. It listens on 127.0.0.1:{@value #PORT} (clients) and
 * 127.0.0.1:{@value #CONTROLLER_PORT} (controller), ports no other test of this build
 * uses; its data and log are under {@code target/kafka-broker}. Restart tests
 * {@link #stop()} and {@link #start()} it over the same data.
 */
public final class KafkaTestBroker {

	/** The client port. */
	public static final int PORT = 19092;

	/** The controller port. */
	public static final int CONTROLLER_PORT = 19093;

	/** The bootstrap address. */
	public static final String BOOTSTRAP = "127.0.0.1:" + PORT;

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private static final Object LOCK = new Object();

	private static @Nullable KafkaTestBroker instance;

	private final Path dir;

	private @Nullable Process process;

	private KafkaTestBroker(Path dir) {
		this.dir = dir;
	}

	/**
	 * Returns the broker, starting it (formatting its storage first) on the first call.
	 * @return the running broker
	 */
	public static KafkaTestBroker get() {
		synchronized (LOCK) {
			if (instance == null) {
				Path dir = Path.of("target", "kafka-broker").toAbsolutePath();
				KafkaTestBroker broker = new KafkaTestBroker(dir);
				broker.format();
				broker.start();
				Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-test-broker-stop"));
				instance = broker;
			}
			return instance;
		}
	}

	/**
	 * Returns the {@code kafka://} URL of the broker.
	 * @return the URL
	 */
	public String url() {
		return "kafka://" + BOOTSTRAP + "/";
	}

	private void format() {
		if (isListening(PORT) || isListening(CONTROLLER_PORT)) {
			throw new IllegalStateException("port " + PORT + " or " + CONTROLLER_PORT
					+ " is taken: a Kafka test broker of another build still runs? (ps aux | grep kafka.Kafka)");
		}
		try {
			if (Files.exists(this.dir)) {
				try (Stream<Path> paths = Files.walk(this.dir)) {
					paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
				}
			}
			Files.createDirectories(this.dir.resolve("data"));
			Files.writeString(this.dir.resolve("server.properties"), properties(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		run(List.of("kafka.tools.StorageTool", "format", "-t", "oslo4j-test-cluster-0001", "-c",
				this.dir.resolve("server.properties").toString()), "format");
	}

	private String properties() {
		return String.join("\n", "process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@127.0.0.1:" + CONTROLLER_PORT,
				"listeners=PLAINTEXT://127.0.0.1:" + PORT + ",CONTROLLER://127.0.0.1:" + CONTROLLER_PORT,
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + PORT, "controller.listener.names=CONTROLLER",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"inter.broker.listener.name=PLAINTEXT", "log.dirs=" + this.dir.resolve("data"), "num.partitions=1",
				"auto.create.topics.enable=true", "offsets.topic.replication.factor=1",
				"offsets.topic.num.partitions=4", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0",
				"log.flush.interval.messages=1", "") + "\n";
	}

	private void run(List<String> mainAndArgs, String what) {
		try {
			Process format = new ProcessBuilder(javaCommand(mainAndArgs)).redirectErrorStream(true)
				.redirectOutput(this.dir.resolve(what + ".log").toFile())
				.start();
			if (!format.waitFor(120, TimeUnit.SECONDS)) {
				format.destroyForcibly();
				throw new IllegalStateException("Kafka " + what + " did not finish in 120 s");
			}
			if (format.exitValue() != 0) {
				throw new IllegalStateException("Kafka " + what + " failed: "
						+ Files.readString(this.dir.resolve(what + ".log"), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private List<String> javaCommand(List<String> mainAndArgs) {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m", "-Xmx512m",
						"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-cp", classpath));
		command.addAll(mainAndArgs);
		return command;
	}

	/** Starts the broker over its data and waits until it answers. */
	public void start() {
		synchronized (LOCK) {
			if (this.process != null && this.process.isAlive()) {
				return;
			}
			try {
				File log = this.dir.resolve("broker.log").toFile();
				this.process = new ProcessBuilder(
						javaCommand(List.of("kafka.Kafka", this.dir.resolve("server.properties").toString())))
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Process started = this.process;
			try (Admin admin = admin()) {
				await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
					if (!started.isAlive()) {
						throw new IllegalStateException("the Kafka test broker exited (" + started.exitValue()
								+ "); see " + this.dir.resolve("broker.log"));
					}
					try {
						admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
						return true;
					}
					catch (Exception ex) {
						return false;
					}
				});
			}
		}
	}

	/** Stops the broker (a clean shutdown, killed after 30 s) and waits for its exit. */
	public void stop() {
		synchronized (LOCK) {
			Process current = this.process;
			if (current == null) {
				return;
			}
			current.destroy();
			try {
				if (!current.waitFor(30, TimeUnit.SECONDS)) {
					current.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				current.destroyForcibly();
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	/** Kills the broker at once (SIGKILL), as a crash would. */
	public void kill() {
		synchronized (LOCK) {
			Process current = this.process;
			if (current != null) {
				current.destroyForcibly();
				try {
					current.waitFor(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				this.process = null;
			}
		}
	}

	/**
	 * Returns an admin client of the broker; close it.
	 * @return the admin client
	 */
	public Admin admin() {
		return Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
				CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 5000, "default.api.timeout.ms", 10000));
	}

	/**
	 * Creates topics with the given number of partitions (and waits until they exist).
	 * @param partitions the number of partitions of each
	 * @param topics the topics
	 */
	public void createTopics(int partitions, List<String> topics) {
		try (Admin admin = admin()) {
			admin.createTopics(topics.stream().map((topic) -> new NewTopic(topic, partitions, (short) 1)).toList())
				.all()
				.get(30, TimeUnit.SECONDS);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(topics));
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot create " + topics + ": " + ex, ex);
		}
	}

	/**
	 * Waits until a consumer group has {@code members} members, stable, with every
	 * partition of its topics assigned (so that records produced from now on reach it:
	 * oslo's consumers start at the latest offset).
	 * @param group the group
	 * @param members how many members
	 */
	public void awaitGroup(String group, int members) {
		try (Admin admin = admin()) {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
				ConsumerGroupDescription description = admin.describeConsumerGroups(Set.of(group))
					.describedGroups()
					.get(group)
					.get(10, TimeUnit.SECONDS);
				return description.members().size() == members
						&& "STABLE".equalsIgnoreCase(description.groupState().toString());
			});
		}
	}

	private static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
