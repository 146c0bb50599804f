package io.oslo4j.rpc.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RemoteExceptionMapper;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Listener;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.FailureRecord;
import io.oslo4j.rpc.wire.OsloJson;
import io.oslo4j.rpc.wire.ReplyMessage;
import io.oslo4j.rpc.wire.RequestMessage;
import io.oslo4j.rpc.wire.WireCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * No message makes oslo4j load a class of its choosing, over RabbitMQ: a remote failure
 * naming a class is a {@link RemoteRpcException} unless the class is on the client's
 * allow-list, and gadget payloads ({@code @class}, {@code ["java.net.URL", ...]}) are
 * plain maps and lists, as Jackson default typing is never on. The classes named have
 * static initializers that would record it ({@link Sentinels}).
 */
@Timeout(120)
class RemoteCodeLoadingTest {

	private static final String PACKAGE = "io.oslo4j.rpc.security";

	private final String topic = "loading_" + Messages.newId().substring(0, 8);

	private Transport transport;

	@BeforeEach
	void start() {
		this.transport = Transports.create(TestBroker.url());
	}

	@AfterEach
	void stop() {
		this.transport.close();
		BrokerQueues.delete(List.of(this.topic, this.topic + ".s1"));
	}

	@Test
	void remoteFailuresNeverLoadTheClassTheyName() {
		AtomicReference<FailureRecord> next = new AtomicReference<>();
		Listener server = failingServer(next);
		RpcTemplate client = new RpcTemplate(this.transport, Target.topic(this.topic),
				ClientOptions.defaults()
					.withTimeout(Duration.ofSeconds(20))
					.withExceptions(RemoteExceptionMapper.none().allow(IllegalStateException.class)));
		try {
			for (FailureRecord failure : List.of(FailureRecord.of("SentinelException", PACKAGE, "boom"),
					FailureRecord.of("LoadSentinel", PACKAGE, "boom"),
					FailureRecord.of("ProcessBuilder", "java.lang", "touch /tmp/x"),
					FailureRecord.of("Runtime", "java.lang", "exec"),
					FailureRecord.of("IllegalStateException", "evil.module", "same name, other module"),
					FailureRecord.of(PACKAGE + ".SentinelException", "", "a full name as the class"))) {
				next.set(failure);
				assertThatExceptionOfType(RemoteRpcException.class).as(failure.className())
					.isThrownBy(() -> client.call(RpcContext.empty(), "anything", Map.of()))
					.satisfies((ex) -> {
						assertThat(ex.getClass()).isEqualTo(RemoteRpcException.class);
						assertThat(ex.remoteClass()).isEqualTo(failure.className());
						assertThat(ex.remoteMessage()).isEqualTo(failure.message());
					});
			}
			// the allow-listed type is rethrown as itself
			next.set(FailureRecord.of("IllegalStateException", "java.lang", "allowed"));
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> client.call(RpcContext.empty(), "anything", Map.of()))
				.withMessage("allowed");
			assertThat(Sentinels.INITIALIZED).isEmpty();
		}
		finally {
			server.close();
		}
	}

	@Test
	void gadgetPayloadsArePlainData() {
		RpcServer server = RpcServer.create(this.transport, Target.server(this.topic, "s1"), new GadgetEndpoint())
			.start();
		RpcTemplate client = new RpcTemplate(this.transport, Target.topic(this.topic),
				ClientOptions.defaults().withTimeout(Duration.ofSeconds(20)));
		try {
			Map<String, Object> atClass = Map.of("@class", PACKAGE + ".LoadSentinel", "command", "touch /tmp/x");
			List<Object> wrapperArray = List.of(PACKAGE + ".LoadSentinel", Map.of("command", "x"));
			Map<String, Object> wrapperObject = Map.of(PACKAGE + ".LoadSentinel", Map.of("command", "x"));
			List<Object> url = List.of("java.net.URL", "http://127.0.0.1:9/");
			for (Object gadget : List.of(atClass, wrapperArray, wrapperObject, url,
					Map.of("@type", "java.lang.ProcessBuilder", "command", List.of("touch", "/tmp/x")))) {
				String expected = (gadget instanceof Map) ? "java.util.LinkedHashMap" : "java.util.ArrayList";
				assertThat(client.call(RpcContext.empty(), "echo", Map.of("value", gadget), Object.class))
					.isEqualTo(gadget);
				assertThat(call(client, "untyped", gadget)).isEqualTo(expected);
				assertThat(call(client, "serializable", gadget)).isEqualTo(expected);
				assertThat(call(client, "holder", Map.of("payload", gadget))).isEqualTo(expected);
				// an interface parameter: Jackson will not pick a class from the payload
				assertThatExceptionOfType(RemoteRpcException.class).isThrownBy(() -> call(client, "runnable", gadget))
					.satisfies((ex) -> assertThat(ex.remoteClass()).isEqualTo("TypeError"));
			}
			assertThat(Sentinels.INITIALIZED).isEmpty();
		}
		finally {
			server.close();
		}
	}

	@Test
	void defaultTypingIsNeverEnabled() {
		for (JsonMapper mapper : List.of(OsloJson.mapper(), WireCodec.defaultCodec().mapper(),
				OsloJson.builder().build())) {
			assertThat(mapper.deserializationConfig().getDefaultTyper(mapper.constructType(Object.class))).isNull();
			assertThat(mapper.serializationConfig().getDefaultTyper(mapper.constructType(Object.class))).isNull();
		}
	}

	private static String call(RpcTemplate client, String method, Object value) {
		String parameter = method.equals("holder") ? "holder" : "value";
		return client.call(RpcContext.empty(), method, Map.of(parameter, value), String.class);
	}

	/** A server that answers every call with the failure it is given, as any peer may. */
	private Listener failingServer(AtomicReference<FailureRecord> failure) {
		WireCodec codec = WireCodec.defaultCodec();
		return this.transport.listen(Target.server(this.topic, "s1"), (message) -> {
			message.ack();
			RequestMessage request = codec.decodeRequest(message.body());
			this.transport.reply(request.replyQueue(),
					codec.encodeReply(ReplyMessage.failure(request.msgId(), failure.get())));
		});
	}

}
