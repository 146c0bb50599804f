package io.oslo4j.rpc.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.fake.FakeBrokers;
import io.oslo4j.rpc.transport.fake.FakeTransportFactory;
import io.oslo4j.rpc.wire.WireCodec;

/**
 * Records what the application sends on the test's in-memory broker, and stubs the
 * services it calls. Each request, cast, fanout cast and notification published on the
 * broker is decoded from the bytes the application sent, so what a test asserts is what a
 * Python oslo.messaging peer would receive.
 * <p>
 * Recording starts when the context starts and goes on until {@link #reset()}, which runs
 * after each test method of a test class annotated with {@link AutoConfigureRpcTest}:
 * each test starts with no records and no stubs.
 * <p>
 * Thread-safe. Waits are bounded: the {@code await...} methods fail with an
 * {@link AssertionError} listing what was recorded.
 */
public final class RpcTestHarness implements AutoCloseable {

	/** How long the {@code await...} methods wait when given no timeout. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	private final Transport transport;

	private final WireCodec codec;

	private final Serializer serializer;

	private final Set<String> virtualHosts;

	private final WireRecorder recorder;

	private final Map<String, RpcStub> stubs = new ConcurrentHashMap<>();

	/**
	 * Creates a harness on the transport's broker and starts recording.
	 * @param transport the application's transport, on {@code fake://}
	 * @param notificationUrl the URL of the transport notifications are sent on (the
	 * transport's own when they share it); recorded too when it is {@code fake://}
	 * @param codec the application's wire codec
	 * @param serializer the application's serializer, for stub answers
	 * @throws IllegalStateException when the transport is not {@code fake://}
	 */
	public RpcTestHarness(Transport transport, TransportUrl notificationUrl, WireCodec codec, Serializer serializer) {
		this.transport = transport;
		this.codec = codec;
		this.serializer = serializer;
		TransportUrl url = transport.url();
		if (!FakeTransportFactory.DRIVER.equals(url.driver())) {
			throw new IllegalStateException("RpcTestHarness records and stubs on the in-memory fake:// transport, "
					+ "but the application's transport is " + url + ". Remove rpc.transport-url from the test's "
					+ "properties (@AutoConfigureRpcTest then gives the context a broker of its own), or set it to "
					+ "a fake:// URL such as fake:///my-test");
		}
		this.virtualHosts = new LinkedHashSet<>();
		this.virtualHosts.add(url.effectiveVirtualHost());
		if (FakeTransportFactory.DRIVER.equals(notificationUrl.driver())) {
			this.virtualHosts.add(notificationUrl.effectiveVirtualHost());
		}
		this.recorder = new WireRecorder(codec, transport.controlExchange());
		this.virtualHosts.forEach((virtualHost) -> FakeBrokers.addTap(virtualHost, this.recorder));
	}

	/**
	 * Returns the requests, casts and fanout casts published so far, in order.
	 * @return the requests
	 */
	public List<RecordedRequest> requests() {
		return this.recorder.requests().all();
	}

	/**
	 * Returns the requests published so far to a topic, in order.
	 * @param topic the topic
	 * @return the requests
	 */
	public List<RecordedRequest> requests(String topic) {
		List<RecordedRequest> result = new ArrayList<>();
		for (RecordedRequest request : requests()) {
			if (request.topic().equals(topic)) {
				result.add(request);
			}
		}
		return result;
	}

	/**
	 * Returns the first request of a method on a topic, waiting up to
	 * {@link #DEFAULT_TIMEOUT} for it.
	 * @param topic the topic
	 * @param method the method
	 * @return the request
	 * @throws AssertionError when none was published in time
	 */
	public RecordedRequest awaitRequest(String topic, String method) {
		return awaitRequest(topic, method, DEFAULT_TIMEOUT);
	}

	/**
	 * Returns the first request of a method on a topic, waiting for it.
	 * @param topic the topic
	 * @param method the method
	 * @param timeout how long to wait
	 * @return the request
	 * @throws AssertionError when none was published in time
	 */
	public RecordedRequest awaitRequest(String topic, String method, Duration timeout) {
		return this.recorder.requests()
			.await((request) -> request.topic().equals(topic) && request.method().equals(method), timeout,
					"a request of '" + method + "' on topic '" + topic + "'");
	}

	/**
	 * Returns the notifications published so far, in order.
	 * @return the notifications
	 */
	public List<RecordedNotification> notifications() {
		return this.recorder.notifications().all();
	}

	/**
	 * Returns the first notification of an event type, waiting up to
	 * {@link #DEFAULT_TIMEOUT} for it.
	 * @param eventType the event type
	 * @return the notification
	 * @throws AssertionError when none was published in time
	 */
	public RecordedNotification awaitNotification(String eventType) {
		return awaitNotification(eventType, DEFAULT_TIMEOUT);
	}

	/**
	 * Returns the first notification of an event type, waiting for it.
	 * @param eventType the event type
	 * @param timeout how long to wait
	 * @return the notification
	 * @throws AssertionError when none was published in time
	 */
	public RecordedNotification awaitNotification(String eventType, Duration timeout) {
		return this.recorder.notifications()
			.await((notification) -> eventType.equals(notification.eventType()), timeout,
					"a notification '" + eventType + "'");
	}

	/**
	 * Returns the stub of a topic on the control exchange, starting it on first use: from
	 * then on it takes the topic's requests (see {@link RpcStub}).
	 * @param topic the topic the application calls
	 * @return the stub
	 */
	public RpcStub stub(String topic) {
		return stub(this.transport.controlExchange(), topic);
	}

	/**
	 * Returns the stub of a topic on an exchange (for clients that name one), starting it
	 * on first use. Queues are named by topic alone, as in oslo, so a topic has one stub:
	 * on one exchange.
	 * @param exchange the exchange the application's client sends to
	 * @param topic the topic the application calls
	 * @return the stub
	 * @throws IllegalStateException when the topic is already stubbed on another exchange
	 */
	public RpcStub stub(String exchange, String topic) {
		Objects.requireNonNull(exchange, "exchange");
		Objects.requireNonNull(topic, "topic");
		RpcStub stub = this.stubs.computeIfAbsent(topic,
				(key) -> new RpcStub(exchange, topic, this.transport, this.codec, this.serializer).start());
		if (!stub.exchange().equals(exchange)) {
			throw new IllegalStateException("Topic '" + topic + "' is already stubbed on exchange '" + stub.exchange()
					+ "', and oslo's queues are named by topic alone: stub it on one exchange, "
					+ "the one the application's client sends to (rpc.clients.<name>.exchange, else "
					+ "rpc.control-exchange)");
		}
		return stub;
	}

	/**
	 * Stops every stub and forgets every record.
	 */
	public void reset() {
		this.stubs.values().removeIf((stub) -> {
			stub.close();
			return true;
		});
		this.recorder.clear();
	}

	/**
	 * Stops the stubs and recording.
	 */
	@Override
	public void close() {
		reset();
		this.virtualHosts.forEach((virtualHost) -> FakeBrokers.removeTap(virtualHost, this.recorder));
	}

}
