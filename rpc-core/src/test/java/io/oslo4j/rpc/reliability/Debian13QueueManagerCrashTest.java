package io.oslo4j.rpc.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.RabbitNode;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A queue-manager service killed and restarted on RabbitMQ 4.0.5 (the Debian 13 root's, a
 * node of its own on port 5818) in kolla-ansible 2025.1's mode: quorum queues, quorum
 * reply queues with queue-manager names, the topic's shared fanout stream, prefetch 1.
 * The reply queue comes back as on 3.10. Fanout goes through the stream, which every
 * server of the topic reads from an offset held in its process's memory: the restarted
 * process starts reading at {@code next}, so it does not run the fanout casts sent while
 * it was down. For comparison with oslo, which starts at {@code last}, a plain consumer
 * reads the stream from {@code last} while the service is down: what it gets is what a
 * restarted oslo service would run.
 */
class Debian13QueueManagerCrashTest extends QueueManagerCrashSuite {

	private static final String HOST = "oslo4j-qm-test4";

	private static final Pattern CAST_ID = Pattern.compile("down-\\d+");

	private @Nullable RabbitNode node;

	private List<String> lastChunk = List.of();

	@Override
	String hostname() {
		return HOST;
	}

	@Override
	String startBroker() {
		// port 5818 (epmd 45818): the RabbitMQ 4 fault tests' range 5810-5829
		RabbitNode started = RabbitNode.builder("oslo4j-qmcrash4", 5818).debian13().start();
		this.node = started;
		return started.url();
	}

	@Override
	void stopBroker() {
		RabbitNode started = this.node;
		if (started != null) {
			started.close();
		}
	}

	@Override
	String options() {
		return Debian13BrokerRestartTest.KOLLA_MODE;
	}

	@Override
	List<String> queues(String prefix) {
		RabbitNode started = this.node;
		assertThat(started).isNotNull();
		return started.ctl("list_queues", "--silent", "name")
			.lines()
			.map(String::trim)
			.filter((name) -> name.startsWith(prefix))
			.sorted()
			.toList();
	}

	/**
	 * Reads the stream from {@code last}, as a restarted oslo service would, until the
	 * last cast sent while down.
	 */
	@Override
	void whileDown(String url) throws Exception {
		Queue<String> ids = new ConcurrentLinkedQueue<>();
		try (Connection connection = BrokerQueues.rawConnectionFactory(url).newConnection("oslo4j-test-last");
				Channel channel = connection.createChannel()) {
			channel.basicQos(100);
			channel.basicConsume(this.topic + "_fanout", false, Map.of("x-stream-offset", "last"),
					new DefaultConsumer(channel) {
						@Override
						public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
								byte[] body) throws IOException {
							Matcher id = CAST_ID.matcher(new String(body, StandardCharsets.UTF_8));
							ids.add(id.find() ? id.group() : "other");
							channel.basicAck(envelope.getDeliveryTag(), false);
						}
					});
			String last = SENT_WHILE_DOWN.get(SENT_WHILE_DOWN.size() - 1);
			await().atMost(Duration.ofSeconds(10)).until(() -> ids.contains(last));
		}
		this.lastChunk = List.copyOf(ids);
	}

	@Override
	void assertFanoutQueues(List<String> before, List<String> withSecondCopy) {
		assertThat(before).as("the topic's fanout stream").containsExactly(this.topic + "_fanout");
		assertThat(withSecondCopy).as("still the one stream with the second copy").isEqualTo(before);
	}

	@Override
	void assertCastsAfterRestart(List<String> casts) {
		System.out.printf(
				"[faults]   fanout casts sent while down %s: run by the restarted service %s; "
						+ "a consumer starting at \"last\" (as a restarted oslo service) reads %s%n",
				SENT_WHILE_DOWN, casts.stream().filter(SENT_WHILE_DOWN::contains).toList(), this.lastChunk);
		assertThat(this.lastChunk).as("the stream's last chunk, which ends with the last cast sent")
			.endsWith(SENT_WHILE_DOWN.get(SENT_WHILE_DOWN.size() - 1));
		// the stream offset lives in the process: a new process reads from "next"
		assertThat(casts).as("fanout casts run by the restarted service: none of those sent while it was down")
			.containsExactly("marker");
	}

}
