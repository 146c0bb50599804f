package io.oslo4j.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;

/**
 * The ceiling: a request/reply loop on the bare amqp-client. Publishes the same envelope
 * bytes with the same properties as oslo to the {@code openstack} topic exchange, with
 * publisher confirms (pipelined: each caller waits for its own confirm), one reply queue,
 * and replies correlated by {@code _msg_id}. No framework, no JSON parsing.
 */
final class BareAmqpSystem implements CallSystem {

	private final String url;

	private final String topic = "bench_bare_" + MessageIds.next().substring(0, 8);

	private final String replyQueue = "reply_" + MessageIds.next();

	private final EnvelopeTemplate template = new EnvelopeTemplate("echo");

	private final EnvelopeTemplate castTemplate = new EnvelopeTemplate("note");

	private final EnvelopeTemplate fanTemplate = new EnvelopeTemplate("fan");

	private final Map<Payload, byte[]> data = new EnumMap<>(Payload.class);

	private final Connection serverConnection;

	private final Connection clientConnection;

	private final Channel publisher;

	private final Object publishLock = new Object();

	private final ConcurrentNavigableMap<Long, CompletableFuture<Void>> confirms = new ConcurrentSkipListMap<>();

	private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

	private final List<BareAmqpServer> fanoutServers = new ArrayList<>();

	private final List<String> queues = new ArrayList<>();

	BareAmqpSystem(String url) throws IOException {
		this.url = url;
		for (Payload payload : Payload.values()) {
			this.data.put(payload, EnvelopeTemplate.data(payload));
		}
		this.serverConnection = Broker.connect(url, "oslo4j-bench-bare-server");
		this.clientConnection = Broker.connect(url, "oslo4j-bench-bare-client");
		Channel setup = this.serverConnection.createChannel();
		Broker.declareControlExchange(setup);
		String callQueue = declare(setup, this.topic + ".s1", Broker.EXCHANGE, this.topic + ".s1");
		setup.exchangeDeclare(fanoutExchange(), "fanout", false, true, null);
		new BareAmqpServer(this.serverConnection, this.template, 256, callQueue);
		for (int i = 1; i <= Scenario.FANOUT_SERVERS; i++) {
			String queue = declare(setup, fanoutExchange() + "_s" + i, fanoutExchange(), this.topic);
			this.fanoutServers.add(new BareAmqpServer(this.serverConnection, this.template, 256, queue));
		}
		this.publisher = this.clientConnection.createChannel();
		this.publisher.confirmSelect();
		this.publisher.addConfirmListener(new Confirms());
		Channel replies = this.clientConnection.createChannel();
		replies.queueDeclare(this.replyQueue, false, false, false, Map.of("x-expires", 1_800_000));
		this.queues.add(this.replyQueue);
		replies.basicQos(1000);
		replies.basicConsume(this.replyQueue, false, new Replies(replies));
	}

	@Override
	public String id() {
		return Systems.BARE;
	}

	@Override
	public void call(Payload payload) throws Exception {
		callAsync(payload).get(60, TimeUnit.SECONDS);
	}

	@Override
	public CompletableFuture<?> callAsync(Payload payload) {
		String msgId = MessageIds.next();
		CompletableFuture<Void> reply = new CompletableFuture<>();
		this.pending.put(msgId, reply);
		byte[] body = this.template.call(this.data.get(payload), msgId, this.replyQueue);
		CompletableFuture<Void> confirm = publish(Broker.EXCHANGE, this.topic + ".s1", Broker.CALL_PROPERTIES, body);
		return CompletableFuture.allOf(confirm, reply);
	}

	@Override
	public void cast(Payload payload) throws Exception {
		byte[] body = this.castTemplate.cast(this.data.get(payload));
		publish(Broker.EXCHANGE, this.topic + ".s1", Broker.PROPERTIES, body).get(60, TimeUnit.SECONDS);
	}

	@Override
	public void fanoutCast(Payload payload) throws Exception {
		byte[] body = this.fanTemplate.cast(this.data.get(payload));
		publish(fanoutExchange(), "", Broker.PROPERTIES, body).get(60, TimeUnit.SECONDS);
	}

	@Override
	public long fanoutDeliveries() {
		return this.fanoutServers.stream().mapToLong(BareAmqpServer::received).sum();
	}

	private CompletableFuture<Void> publish(String exchange, String routingKey, AMQP.BasicProperties properties,
			byte[] body) {
		CompletableFuture<Void> confirm = new CompletableFuture<>();
		try {
			synchronized (this.publishLock) {
				this.confirms.put(this.publisher.getNextPublishSeqNo(), confirm);
				this.publisher.basicPublish(exchange, routingKey, false, properties, body);
			}
		}
		catch (IOException ex) {
			confirm.completeExceptionally(ex);
		}
		return confirm;
	}

	private String declare(Channel channel, String queue, String exchange, String routingKey) throws IOException {
		channel.queueDeclare(queue, false, false, false, null);
		channel.queueBind(queue, exchange, routingKey);
		this.queues.add(queue);
		return queue;
	}

	private String fanoutExchange() {
		return this.topic + "_fanout";
	}

	@Override
	public void close() {
		try {
			this.clientConnection.close();
			this.serverConnection.close();
		}
		catch (Exception ex) {
			// closing anyway
		}
		Broker.delete(this.url, this.queues, List.of(fanoutExchange()));
	}

	/** Completes the confirm futures, one or many at a time. */
	private final class Confirms implements ConfirmListener {

		@Override
		public void handleAck(long deliveryTag, boolean multiple) {
			complete(deliveryTag, multiple, null);
		}

		@Override
		public void handleNack(long deliveryTag, boolean multiple) {
			complete(deliveryTag, multiple, new IOException("basic.nack"));
		}

		private void complete(long deliveryTag, boolean multiple, @Nullable IOException error) {
			Map<Long, CompletableFuture<Void>> done = multiple ? confirms.headMap(deliveryTag, true)
					: Map.of(deliveryTag, confirms.getOrDefault(deliveryTag, new CompletableFuture<>()));
			for (Long tag : List.copyOf(done.keySet())) {
				CompletableFuture<Void> confirm = confirms.remove(tag);
				if (confirm != null) {
					if (error == null) {
						confirm.complete(null);
					}
					else {
						confirm.completeExceptionally(error);
					}
				}
			}
		}

	}

	/** Routes replies to their callers by {@code _msg_id}. */
	private final class Replies extends DefaultConsumer {

		Replies(Channel channel) {
			super(channel);
		}

		@Override
		public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
				throws IOException {
			getChannel().basicAck(envelope.getDeliveryTag(), false);
			String msgId = EnvelopeTemplate.msgId(body);
			CompletableFuture<Void> reply = (msgId != null) ? pending.remove(msgId) : null;
			if (reply != null) {
				reply.complete(null);
			}
		}

	}

}
