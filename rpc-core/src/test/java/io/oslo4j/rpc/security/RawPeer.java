package io.oslo4j.rpc.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * A raw amqp-client peer on a broker (the shared one unless told otherwise): publishes
 * hand-made messages (each tagged with a {@code fuzz-id} header) with publisher confirms,
 * collects the replies sent to its own reply queue, and, through a dead-letter policy on
 * the server's queues, the ids of every message the server rejected and how the broker
 * dead-lettered them.
 */
final class RawPeer implements AutoCloseable {

	private static final String ID_HEADER = "fuzz-id";

	private final String url;

	private final Ctl ctl;

	private final Connection connection;

	private final Channel publisher;

	private final String replyQueue;

	private final Map<String, List<Map<String, @Nullable Object>>> replies = new ConcurrentHashMap<>();

	private final Set<Integer> deadLettered = ConcurrentHashMap.newKeySet();

	private final Map<String, Long> deadLetterReasons = new ConcurrentHashMap<>();

	private final Map<Integer, Object> deadLetterDeliveryCounts = new ConcurrentHashMap<>();

	private @Nullable String policy;

	private @Nullable String deadLetterQueue;

	private int unconfirmed;

	/**
	 * Connects to the shared test broker.
	 * @param url its transport URL
	 */
	RawPeer(String url) throws IOException, TimeoutException {
		this(url, TestBroker::rabbitmqctl);
	}

	/**
	 * Connects to a broker that {@code ctl} manages.
	 * @param url the broker's transport URL
	 * @param ctl runs the broker's {@code rabbitmqctl}
	 */
	RawPeer(String url, Ctl ctl) throws IOException, TimeoutException {
		this.url = url;
		this.ctl = ctl;
		ConnectionFactory factory = BrokerQueues.rawConnectionFactory(url);
		// dead-lettered bodies may be larger than amqp-client's default 64 MiB
		factory.setMaxInboundMessageBodySize(Integer.MAX_VALUE);
		this.connection = factory.newConnection("oslo4j-fuzz");
		this.publisher = this.connection.createChannel();
		this.publisher.confirmSelect();
		Channel consumer = this.connection.createChannel();
		this.replyQueue = consumer.queueDeclare("fuzz_reply_" + Messages.newId(), false, true, true, null).getQueue();
		consumer.basicConsume(this.replyQueue, true, new DefaultConsumer(consumer) {
			@Override
			public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
				Map<String, @Nullable Object> reply = Replies.inner(body);
				RawPeer.this.replies
					.computeIfAbsent(String.valueOf(reply.get("_msg_id")), (id) -> new CopyOnWriteArrayList<>())
					.add(reply);
			}
		});
	}

	String replyQueue() {
		return this.replyQueue;
	}

	/** Returns the replies received so far, by {@code _msg_id}. */
	Map<String, List<Map<String, @Nullable Object>>> replies() {
		return this.replies;
	}

	/** Returns the {@code fuzz-id}s of the messages dead-lettered so far. */
	Set<Integer> deadLettered() {
		return this.deadLettered;
	}

	/**
	 * Returns how many dead-lettered messages the broker gave each first death reason
	 * ({@code x-first-death-reason}).
	 */
	Map<String, Long> deadLetterReasons() {
		return this.deadLetterReasons;
	}

	/**
	 * Returns the {@code x-delivery-count} headers of the dead-lettered messages that
	 * carried one, by {@code fuzz-id}.
	 */
	Map<Integer, Object> deadLetterDeliveryCounts() {
		return this.deadLetterDeliveryCounts;
	}

	/**
	 * Dead-letters every message rejected from the queues whose names start with
	 * {@code prefix} into a queue of this peer (a policy on the broker, removed on
	 * close); returns once the queues that exist have it. Streams cannot dead-letter, and
	 * take no such policy.
	 * @param prefix the queue name prefix (the server's topic)
	 */
	void collectRejected(String prefix) throws Exception {
		String exchange = "fuzz_dlx_" + prefix;
		Channel channel = this.connection.createChannel();
		channel.exchangeDeclare(exchange, "fanout", false, true, null);
		this.deadLetterQueue = channel.queueDeclare("fuzz_dlq_" + prefix, false, false, false, null).getQueue();
		channel.queueBind(this.deadLetterQueue, exchange, "");
		channel.basicConsume(this.deadLetterQueue, true, new DefaultConsumer(channel) {
			@Override
			public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
				Map<String, Object> headers = (properties.getHeaders() != null) ? properties.getHeaders() : Map.of();
				int id = (headers.get(ID_HEADER) instanceof Number number) ? number.intValue() : -1;
				RawPeer.this.deadLettered.add(id);
				RawPeer.this.deadLetterReasons.merge(String.valueOf(headers.get("x-first-death-reason")), 1L,
						Long::sum);
				Object count = headers.get("x-delivery-count");
				if (count != null) {
					RawPeer.this.deadLetterDeliveryCounts.put(id, count);
				}
			}
		});
		this.policy = "fuzz_" + prefix;
		String policy = this.policy;
		this.ctl.run("set_policy", "--priority", "1000", "--apply-to", "queues", policy, "^" + prefix,
				"{\"dead-letter-exchange\":\"" + exchange + "\"}");
		// queues that exist already take the policy on asynchronously
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.ctl.run("list_queues", "--silent", "name", "type", "policy")
				.lines()
				.map((line) -> line.split("\t"))
				.filter((columns) -> columns[0].startsWith(prefix) && !columns[1].equals("stream"))
				.allMatch((columns) -> columns.length > 2 && columns[2].equals(policy)));
	}

	/**
	 * Publishes a message; waits for the broker's confirms every 200 messages.
	 * @param exchange the exchange
	 * @param routingKey the routing key
	 * @param message the message
	 * @param id its {@code fuzz-id}
	 */
	void publish(String exchange, String routingKey, BadMessage message, int id) throws IOException {
		publish(exchange, routingKey, message, id, Map.of());
	}

	/**
	 * Publishes a message with more headers; waits for the broker's confirms every 200
	 * messages.
	 * @param exchange the exchange
	 * @param routingKey the routing key
	 * @param message the message
	 * @param id its {@code fuzz-id}
	 * @param headers the other headers
	 */
	void publish(String exchange, String routingKey, BadMessage message, int id, Map<String, Object> headers)
			throws IOException {
		Map<String, Object> all = new HashMap<>(headers);
		all.put(ID_HEADER, id);
		AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType(message.contentType())
			.contentEncoding("utf-8")
			.deliveryMode(2)
			.priority(0)
			.headers(all)
			.build();
		this.publisher.basicPublish(exchange, routingKey, properties, message.body());
		if (++this.unconfirmed >= 200) {
			awaitConfirms();
		}
	}

	void awaitConfirms() {
		try {
			this.publisher.waitForConfirmsOrDie(Duration.ofSeconds(60).toMillis());
			this.unconfirmed = 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new IllegalStateException("the broker did not confirm the fuzz messages", ex);
		}
	}

	/** Returns the number of messages ready in a queue. */
	long messageCount(String queue) throws IOException, TimeoutException {
		try (Channel channel = this.connection.createChannel()) {
			return channel.queueDeclarePassive(queue).getMessageCount();
		}
	}

	/** Returns the number of consumers of a queue. */
	long consumerCount(String queue) throws IOException, TimeoutException {
		try (Channel channel = this.connection.createChannel()) {
			return channel.queueDeclarePassive(queue).getConsumerCount();
		}
	}

	@Override
	public void close() throws Exception {
		try {
			if (this.policy != null) {
				this.ctl.run("clear_policy", this.policy);
			}
		}
		finally {
			if (this.deadLetterQueue != null) {
				BrokerQueues.delete(this.url, List.of(this.deadLetterQueue));
			}
			this.connection.close();
		}
	}

	static String rabbitmqctl(String... args) throws IOException, InterruptedException {
		return TestBroker.rabbitmqctl(args);
	}

	/** Runs a broker's {@code rabbitmqctl} and returns its output. */
	@FunctionalInterface
	interface Ctl {

		String run(String... args) throws Exception;

	}

}
