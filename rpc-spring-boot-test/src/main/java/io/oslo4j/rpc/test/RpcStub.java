package io.oslo4j.rpc.test;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.transport.IncomingMessage;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.FailureRecord;
import io.oslo4j.rpc.wire.ReplyMessage;
import io.oslo4j.rpc.wire.RequestMessage;
import io.oslo4j.rpc.wire.WireCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remote service stubbed on one topic: a server on the test's in-memory broker (server
 * name {@value #SERVER}) that answers calls as each method was told to, with the bytes an
 * oslo.messaging server would send. A call to a method that was not stubbed gets oslo's
 * {@code NoSuchMethod}. Made by {@link RpcTestHarness#stub(String)}; stopped by
 * {@link RpcTestHarness#reset()}.
 * <p>
 * The stub takes its share of the topic's requests like any server: when the application
 * serves the same topic itself, requests go to either (set
 * {@code rpc.server.enabled=false}, or stub another topic).
 */
public final class RpcStub {

	/** The server name of stubs. */
	public static final String SERVER = "rpc-test-stub";

	private static final Logger logger = LoggerFactory.getLogger(RpcStub.class);

	private final Target target;

	private final Transport transport;

	private final WireCodec codec;

	private final Serializer serializer;

	private final Map<String, StubAnswer> answers = new ConcurrentHashMap<>();

	private volatile @Nullable Listener listener;

	RpcStub(String exchange, String topic, Transport transport, WireCodec codec, Serializer serializer) {
		this.target = Target.server(topic, SERVER).withExchange(exchange);
		this.transport = transport;
		this.codec = codec;
		this.serializer = serializer;
	}

	/**
	 * Starts consuming the topic's requests.
	 * @return this stub
	 */
	RpcStub start() {
		this.listener = this.transport.listen(this.target, this::onMessage);
		return this;
	}

	/**
	 * Starts stubbing a method.
	 * @param method the method name, as on the wire
	 * @return the stubbing, to say how it answers
	 */
	public RpcStubbing on(String method) {
		return new RpcStubbing(this, Objects.requireNonNull(method, "method"));
	}

	/**
	 * Returns the stubbed topic.
	 * @return the topic
	 */
	public String topic() {
		return Objects.requireNonNull(this.target.topic());
	}

	/**
	 * Returns the exchange the stub's queues are bound to.
	 * @return the exchange
	 */
	public String exchange() {
		return Objects.requireNonNull(this.target.exchange());
	}

	RpcStub answer(String method, StubAnswer answer) {
		this.answers.put(method, answer);
		return this;
	}

	void close() {
		Listener listener = this.listener;
		if (listener != null) {
			listener.close();
		}
	}

	private void onMessage(IncomingMessage message) {
		try {
			RequestMessage request = this.codec.decodeRequest(message.body());
			String replyQueue = request.replyQueue();
			if (request.isCall() && replyQueue != null) {
				byte[] reply = reply(request);
				if (reply != null) {
					this.transport.reply(replyQueue, reply);
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Stub of topic '{}' could not answer a request", topic(), ex);
		}
		finally {
			message.ack();
		}
	}

	private byte @Nullable [] reply(RequestMessage request) {
		String msgId = Objects.requireNonNull(request.msgId());
		String method = (request.method() != null) ? request.method() : "";
		StubAnswer answer = this.answers.get(method);
		if (answer == null) {
			return failure(msgId, FailureRecord.of("NoSuchMethod", FailureRecord.DISPATCHER_MODULE,
					"Endpoint does not support RPC method " + method));
		}
		if (answer instanceof StubAnswer.Failure failure) {
			return failure(msgId, failure.failure());
		}
		if (answer instanceof StubAnswer.Result result) {
			Object value;
			try {
				value = result.function().apply(WireRecorder.toRecord(this.target.withServer(null), request));
			}
			catch (RuntimeException ex) {
				return failure(msgId, FailureRecord.of(ex));
			}
			Object serialized = this.serializer.serializeEntity(RpcContext.of(request.context()), value);
			return this.codec.encodeReply(ReplyMessage.result(msgId, serialized));
		}
		return null;
	}

	private byte[] failure(String msgId, FailureRecord failure) {
		return this.codec.encodeReply(ReplyMessage.failure(msgId, failure));
	}

}
