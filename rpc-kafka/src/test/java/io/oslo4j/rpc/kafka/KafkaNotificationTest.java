package io.oslo4j.rpc.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.notify.BatchNotificationEndpoint;
import io.oslo4j.rpc.notify.Notification;
import io.oslo4j.rpc.notify.NotificationListener;
import io.oslo4j.rpc.notify.NotificationListenerOptions;
import io.oslo4j.rpc.notify.NotificationPriority;
import io.oslo4j.rpc.notify.NotificationResult;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.notify.NotifierDriver;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka notification transport on a real Kafka broker: the record oslo's driver
 * writes, topics with and without a vhost, pools as consumer groups over several
 * partitions, commit before dispatch (the default, at most once) and after it (at least
 * once, with requeue), and batch listeners.
 */
@Timeout(180)
class KafkaNotificationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaTestBroker broker = KafkaTestBroker.get();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = this.closeables.size() - 1; i >= 0; i--) {
			this.closeables.get(i).close();
		}
	}

	private <T extends AutoCloseable> T track(T closeable) {
		this.closeables.add(closeable);
		return closeable;
	}

	private Transport transport(String query) {
		return track(Transports.create(this.broker.url() + query));
	}

	private NotificationListener listen(Transport transport, String topic, NotificationListenerOptions options,
			Recording endpoint) {
		NotificationListener listener = track(
				NotificationListener.create(transport, List.of(Target.topic(topic)), List.of(endpoint), options));
		listener.start();
		await().atMost(WAIT).until(listener::isRunning);
		return listener;
	}

	private List<ConsumerRecord<byte[], byte[]>> read(String kafkaTopic, int count) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.BOOTSTRAP);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
			TopicPartition partition = new TopicPartition(kafkaTopic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			await().atMost(WAIT).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.size() >= count;
			});
		}
		return records;
	}

	@Test
	void notifierWritesOsloKafkaRecordsWithTheContextNestedAndNoUniqueId() throws Exception {
		KafkaTestTopics topics = new KafkaTestTopics(this.broker, "kn_record", 1);
		Notifier notifier = new Notifier(transport(""), "compute.host1", NotifierDriver.MESSAGING_V2,
				List.of(topics.topic()));
		notifier.info(RpcContext.of(Map.of("user_id", "u1", "auth_token", "secret")), "compute.instance.create.end",
				Map.of("id", "i-1"));
		// the legacy messaging driver writes the same envelope on Kafka, as oslo's does
		new Notifier(transport(""), "legacy.host", NotifierDriver.MESSAGING, List.of(topics.topic()))
			.error(RpcContext.empty(), "e.legacy", 1);

		ConsumerRecord<byte[], byte[]> info = read(topics.topic() + ".info", 1).get(0);
		assertThat(info.key()).isNull();
		assertThat(info.headers().toArray()).isEmpty();
		String value = new String(info.value(), StandardCharsets.UTF_8);
		assertThat(value).startsWith("{\"oslo.version\": \"2.0\", \"oslo.message\": \"{\\\"message_id\\\": \\\"");
		Map<?, ?> envelope = JSON.readValue(value, Map.class);
		Map<?, ?> inner = JSON.readValue((String) envelope.get("oslo.message"), Map.class);
		assertThat(new ArrayList<Object>(inner.keySet())).containsExactly("message_id", "publisher_id", "event_type",
				"priority", "payload", "timestamp", "_context");
		assertThat(inner.get("_context")).isEqualTo(Map.of("user_id", "u1"));
		assertThat(inner.get("priority")).isEqualTo("INFO");
		assertThat(inner.get("payload")).isEqualTo(Map.of("id", "i-1"));

		String legacy = new String(read(topics.topic() + ".error", 1).get(0).value(), StandardCharsets.UTF_8);
		assertThat(legacy).startsWith("{\"oslo.version\": \"2.0\"").contains("\\\"_context\\\": {}");
	}

	@Test
	void withAVhostTheNotifierAppendsItToTheTopicAndTheListenerDoesNot() {
		KafkaTestTopics topics = new KafkaTestTopics(this.broker, "kn_vhost", 1);
		Transport transport = transport("vh");
		assertThat(((KafkaTransport) transport).producerTopic(Target.topic(topics.topic()), "info"))
			.isEqualTo(topics.topic() + ".info.vh");
		new Notifier(transport, "p", NotifierDriver.MESSAGING_V2, List.of(topics.topic())).info(RpcContext.empty(),
				"e.vhost", 1);
		assertThat(read(topics.topic() + ".info.vh", 1)).hasSize(1);
		assertThat(KafkaTopics.listenerTopic(Target.topic(topics.topic()), "info")).isEqualTo(topics.topic() + ".info");
	}

	@Test
	void listenerGetsEveryPriorityWithItsContextAndMetadata() {
		KafkaTestTopics topics = new KafkaTestTopics(this.broker, "kn_all", 1);
		Recording recording = new Recording();
		listen(transport(""), topics.topic(), NotificationListenerOptions.defaults().withPool(topics.group("all")),
				recording);
		Notifier notifier = new Notifier(transport(""), "compute.host1", NotifierDriver.MESSAGING_V2,
				List.of(topics.topic()));
		RpcContext context = RpcContext.of(Map.of("user_id", "u1", "request_id", "req-1"));
		for (NotificationPriority priority : NotificationPriority.values()) {
			notifier.send(context, "e." + priority.lowerName(), Map.of("p", priority.lowerName()), priority);
		}
		await().atMost(WAIT).until(() -> recording.count() == 7);
		assertThat(recording.received).extracting(Notification::priority)
			.containsExactlyInAnyOrder(NotificationPriority.values());
		for (Notification n : recording.received) {
			assertThat(n.publisherId()).isEqualTo("compute.host1");
			assertThat(n.eventType()).isEqualTo("e." + n.priority().lowerName());
			assertThat(n.payload()).isEqualTo(Map.of("p", n.priority().lowerName()));
			assertThat(n.context().asMap()).containsEntry("user_id", "u1").containsEntry("request_id", "req-1");
			assertThat(n.metadata().keySet()).containsExactly("message_id", "timestamp");
		}
	}

	@Test
	void listenersInOnePoolShareThePartitionsAndEveryPoolGetsItsOwnCopy() {
		KafkaTestTopics topics = new KafkaTestTopics(this.broker, "kn_pools", 4);
		String shared = topics.group("shared");
		Recording a1 = new Recording();
		Recording a2 = new Recording();
		Recording b = new Recording();
		listen(transport(""), topics.topic(), NotificationListenerOptions.defaults().withPool(shared), a1);
		listen(transport(""), topics.topic(), NotificationListenerOptions.defaults().withPool(shared), a2);
		listen(transport(""), topics.topic(), NotificationListenerOptions.defaults().withPool(topics.group("other")),
				b);
		this.broker.awaitGroup(shared, 2);
		// the client's sticky partitioner moves on to another partition after a batch
		// (producer_batch_size bytes): small batches spread the records
		Notifier notifier = new Notifier(transport("?producer_batch_size=256"), "p", NotifierDriver.MESSAGING_V2,
				List.of(topics.topic()));
		for (int i = 0; i < 40; i++) {
			notifier.info(RpcContext.empty(), "e.pool", i);
		}
		await().atMost(WAIT).until(() -> a1.count() + a2.count() == 40 && b.count() == 40);
		assertThat(a1.count()).isPositive();
		assertThat(a2.count()).isPositive();
	}

	@Test
	void listenersWithoutAPoolShareTheConsumerGroupOption() {
		KafkaTestTopics topics = new KafkaTestTopics(this.broker, "kn_group", 2);
		String group = topics.group("cg");
		Recording r1 = new Recording();
		Recording r2 = new Recording();
		listen(transport("?consumer_group=" + group), topics.topic(), NotificationListenerOptions.defaults(), r1);
		listen(transport("?consumer_group=" + group), topics.topic(), NotificationListenerOptions.defaults(), r2);
		this.broker.awaitGroup(group, 2);
		Notifier notifier = new Notifier(transport(""), "p", NotifierDriver.MESSAGING_V2, List.of(topics.topic()));
		for (int i = 0; i < 20; i++) {
			notifier.info(RpcContext.empty(), "e.group", i);
		}
		await().atMost(WAIT).until(() -> r1.count() + r2.count() == 20);
	}

	@Test
	void byDefaultOffsetsAreCommittedBeforeTheEndpointRunsAndRequeueIsNotPossible() throws Exception {
		KafkaTestTopics topics = new KafkaTestTopics(this.broker, "kn_amo", 1);
		String group = topics.group("amo");
		CountDownLatch release = new CountDownLatch(1);
		Recording recording = new Recording((n) -> {
			awaitLatch(release);
			return NotificationResult.REQUEUE;
		});
		listen(transport(""), topics.topic(),
				NotificationListenerOptions.defaults().withPool(group).withAllowRequeue(true), recording);
		new Notifier(transport(""), "p", NotifierDriver.MESSAGING_V2, List.of(topics.topic())).info(RpcContext.empty(),
				"e.amo", 1);
		await().atMost(WAIT).until(() -> recording.count() == 1);
		// the endpoint still runs, and the offset is already past its record
		assertThat(committed(group, topics.topic() + ".info")).isEqualTo(1);
		release.countDown();
		// a requeue is refused (logged): the record is never delivered again
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> recording.count() == 1);
	}

	@Test
	void withCommitAfterDispatchTheOffsetWaitsForTheEndpointAndRequeueDeliversAgain() throws Exception {
		KafkaTestTopics topics = new KafkaTestTopics(this.broker, "kn_alo", 1);
		String group = topics.group("alo");
		CountDownLatch release = new CountDownLatch(1);
		Recording recording = new Recording((n) -> {
			awaitLatch(release);
			return NotificationResult.HANDLED;
		});
		NotificationListenerOptions options = NotificationListenerOptions.defaults()
			.withPool(group)
			.withExecutorThreads(2);
		listen(transport("?commit_after_dispatch=true"), topics.topic(), options, recording);
		new Notifier(transport(""), "p", NotifierDriver.MESSAGING_V2, List.of(topics.topic())).info(RpcContext.empty(),
				"e.alo", 1);
		await().atMost(WAIT).until(() -> recording.count() == 1);
		assertThat(committed(group, topics.topic() + ".info")).isEqualTo(0);
		release.countDown();
		await().atMost(WAIT).until(() -> committed(group, topics.topic() + ".info") == 1);

		// a requeue seeks back: the same notification comes again
		List<String> seen = new CopyOnWriteArrayList<>();
		Recording requeueOnce = new Recording((n) -> {
			boolean first = !seen.contains(n.messageId());
			seen.add(n.messageId());
			return first ? NotificationResult.REQUEUE : NotificationResult.HANDLED;
		});
		KafkaTestTopics second = new KafkaTestTopics(this.broker, "kn_alo_rq", 1);
		String requeueGroup = second.group("rq");
		listen(transport("?commit_after_dispatch=true"), second.topic(),
				NotificationListenerOptions.defaults().withPool(requeueGroup).withAllowRequeue(true), requeueOnce);
		new Notifier(transport(""), "p", NotifierDriver.MESSAGING_V2, List.of(second.topic())).info(RpcContext.empty(),
				"e.requeue", 1);
		await().atMost(WAIT).until(() -> requeueOnce.count() == 2);
		assertThat(Set.copyOf(seen)).hasSize(1);
		await().atMost(WAIT).until(() -> committed(requeueGroup, second.topic() + ".info") == 1);
	}

	@Test
	void batchListenersGetListsOfNotifications() {
		KafkaTestTopics topics = new KafkaTestTopics(this.broker, "kn_batch", 2);
		List<List<Notification>> batches = new CopyOnWriteArrayList<>();
		BatchNotificationEndpoint endpoint = new BatchNotificationEndpoint() {
			@Override
			public NotificationResult info(List<Notification> notifications) {
				batches.add(notifications);
				return NotificationResult.HANDLED;
			}
		};
		NotificationListener listener = track(
				NotificationListener.batch(transport(""), List.of(Target.topic(topics.topic())), List.of(endpoint),
						NotificationListenerOptions.defaults()
							.withPool(topics.group("batch"))
							.withBatch(10, Duration.ofMillis(500))));
		listener.start();
		await().atMost(WAIT).until(listener::isRunning);
		Notifier notifier = new Notifier(transport("?producer_batch_timeout=0.05&compression_codec=lz4"), "p",
				NotifierDriver.MESSAGING_V2, List.of(topics.topic()));
		for (int i = 0; i < 25; i++) {
			notifier.info(RpcContext.empty(), "e.batch", i);
		}
		await().atMost(WAIT).until(() -> batches.stream().mapToInt(List::size).sum() == 25);
		assertThat(batches).allSatisfy((batch) -> assertThat(batch).hasSizeBetween(1, 10));
		assertThat(batches.size()).isLessThan(25);
	}

	private long committed(String group, String kafkaTopic) throws Exception {
		try (Admin admin = this.broker.admin()) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			OffsetAndMetadata offset = offsets.get(new TopicPartition(kafkaTopic, 0));
			return (offset != null) ? offset.offset() : -1;
		}
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String unique(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
	}

}
