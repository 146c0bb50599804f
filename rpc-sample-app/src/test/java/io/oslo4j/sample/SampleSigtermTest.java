package io.oslo4j.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Graceful shutdown on SIGTERM: the sample runs as a JVM of its own on RabbitMQ; calls to
 * {@code sleep} are in flight when it gets SIGTERM ({@link Process#destroy()}); every one
 * gets its reply within {@code rpc.server.shutdown-timeout}, the server's fanout queue is
 * deleted, and the JVM exits with 143 (or 0).
 */
@Timeout(180)
class SampleSigtermTest {

	private static final Pattern FANOUT_QUEUE = Pattern.compile("(\\S+_fanout_[0-9a-f]{32})");

	private final String url = TestBroker.url();

	private final String topic = "sigterm_" + UUID.randomUUID().toString().substring(0, 8);

	private final List<String> output = new CopyOnWriteArrayList<>();

	private final List<String> queues = new ArrayList<>(List.of(this.topic, this.topic + ".sigterm"));

	private Process process;

	@AfterEach
	void cleanUp() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		BrokerQueues.delete(this.queues);
	}

	@Test
	void inFlightCallsGetTheirRepliesAndTheFanoutQueueIsDeletedOnSigterm() throws Exception {
		this.process = startSample();
		await().atMost(Duration.ofSeconds(120)).until(() -> logged("oslo4j sample ready") || !this.process.isAlive());
		assertThat(this.process.isAlive()).as("the sample started; its output:%n%s", String.join("\n", this.output))
			.isTrue();
		String fanoutQueue = fanoutQueue();
		assertThat(queueExists(fanoutQueue)).isTrue();

		try (Transport transport = Transports.create(this.url)) {
			RpcTemplate client = new RpcTemplate(transport, Target.topic(this.topic).withVersion("1.1"))
				.prepare((p) -> p.timeout(Duration.ofSeconds(60)));
			List<CompletableFuture<String>> calls = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				calls.add(client.callAsync(RpcContext.empty(), "sleep", Map.of("seconds", 3), String.class));
			}
			this.queues.add(transport.replyQueue((message) -> {
			}));
			// every request is taken by the server (acknowledged on receipt): all are in
			// flight
			await().atMost(Duration.ofSeconds(10)).until(() -> messagesReady(this.topic) == 0);

			long sigterm = System.nanoTime();
			this.process.destroy();
			List<String> replies = new ArrayList<>();
			for (CompletableFuture<String> call : calls) {
				replies.add(call.get(20, TimeUnit.SECONDS));
			}
			long repliedMillis = Duration.ofNanos(System.nanoTime() - sigterm).toMillis();
			assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).as("the sample exits").isTrue();
			long exitMillis = Duration.ofNanos(System.nanoTime() - sigterm).toMillis();
			System.out.printf("SIGTERM: 3 in-flight replies after %d ms, exit %d after %d ms%n", repliedMillis,
					this.process.exitValue(), exitMillis);
			assertThat(replies).containsOnly("slept 3").hasSize(3);
			assertThat(this.process.exitValue()).isIn(0, 143);
			assertThat(queueExists(fanoutQueue)).as("fanout queue %s after exit", fanoutQueue).isFalse();
			assertThat(this.output).noneMatch((line) -> line.contains("requests still running"));
			assertThatExceptionOfType(Exception.class)
				.isThrownBy(() -> client.prepare((p) -> p.timeout(Duration.ofSeconds(2)))
					.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 2)));
		}
	}

	private Process startSample() throws IOException {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classpath, SampleApplication.class.getName(), "--server.port=0", "--rpc.transport-url=" + this.url,
				"--rpc.server.topic=" + this.topic, "--rpc.server.name=sigterm", "--rpc.server.shutdown-timeout=20s",
				"--rpc.clients.calculator.topic=" + this.topic, "--rpc.clients.control.topic=" + this.topic);
		Process started = new ProcessBuilder(command).redirectErrorStream(true).start();
		Thread reader = new Thread(() -> read(started), "sample-output");
		reader.setDaemon(true);
		reader.start();
		return started;
	}

	private void read(Process started) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				this.output.add(line);
				System.out.println("[sample] " + line);
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	private boolean logged(String text) {
		return this.output.stream().anyMatch((line) -> line.contains(text));
	}

	private String fanoutQueue() {
		for (String line : this.output) {
			Matcher matcher = FANOUT_QUEUE.matcher(line);
			while (matcher.find()) {
				if (matcher.group(1).startsWith(this.topic + "_fanout_")) {
					return matcher.group(1);
				}
			}
		}
		throw new AssertionError("the sample logged no fanout queue of " + this.topic);
	}

	private int messagesReady(String queue) throws Exception {
		try (Connection connection = rawConnection(); Channel channel = connection.createChannel()) {
			AMQP.Queue.DeclareOk ok = channel.queueDeclarePassive(queue);
			return ok.getMessageCount();
		}
	}

	private boolean queueExists(String queue) throws Exception {
		try (Connection connection = rawConnection()) {
			Channel channel = connection.createChannel();
			try {
				channel.queueDeclarePassive(queue);
				channel.close();
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}
	}

	private Connection rawConnection() throws Exception {
		return BrokerQueues.rawConnectionFactory(this.url).newConnection("sigterm-test");
	}

}
