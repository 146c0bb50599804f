package io.oslo4j.rpc.interop;

import java.time.Duration;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ReplyWaiter;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Java client on direct reply-to ({@code rabbit_direct_reply_to=true}, no reply queue)
 * calling real Python oslo.messaging servers of each stack, and a Java server.
 * <p>
 * oslo servers publish every reply to the default exchange with the request's
 * {@code _reply_q} as routing key, so a direct reply-to address works as a reply queue
 * does. But they publish replies mandatory ({@code direct_mandatory_flag}, default true),
 * and RabbitMQ counts a message delivered to a direct reply-to address as routed to no
 * queue: it returns it, and the server sends it again every 0.25 s for
 * {@code kombu_missing_consumer_retry_timeout}. With {@code direct_mandatory_flag=false}
 * on the servers, each reply is sent once.
 */
@Timeout(120)
class DirectReplyToInteropTest {

	private static final String DIRECT = "rabbit_direct_reply_to=true";

	private static String withQuery(String url, String option) {
		return url + (url.contains("?") ? "&" : "?") + option;
	}

	@ParameterizedTest
	@EnumSource(names = { "OSLO14_DEFAULT", "OSLO16_DEFAULT", "OSLO18_KOLLA" })
	void pythonServersWithoutMandatoryRepliesAnswerOnceIncludingCallMonitorHeartbeats(InteropCell cell)
			throws Exception {
		try (InteropTestSupport support = new InteropTestSupport(cell)) {
			String topic = InteropTestSupport.uniqueTopic("direct2py");
			support.queues(topic, topic + ".p1", topic + "_fanout");
			support.track(PythonOslo.startServer(cell.peer(),
					withQuery(cell.pythonUrl("p1"), "direct_mandatory_flag=false"), topic, "p1"));
			Transport transport = support.track(Transports.create(withQuery(support.url, DIRECT)));
			RpcTemplate client = new RpcTemplate(transport, Target.topic(topic))
				.prepare((p) -> p.timeout(Duration.ofSeconds(20)));
			assertThat(client.call(RpcContext.empty(), "add", Map.of("a", 2, "b", 3), Long.class)).isEqualTo(5L);
			assertThat(transport.replyQueue(ReplyWaiter.of(transport))).startsWith("amq.rabbitmq.reply-to.");
			RpcTemplate monitored = new RpcTemplate(transport, Target.topic(topic))
				.prepare((p) -> p.timeout(Duration.ofSeconds(20)).callMonitorTimeout(Duration.ofSeconds(2)));
			assertThat(monitored.call(RpcContext.empty(), "sleep", Map.of("seconds", 4), Object.class)).isNotNull();
			assertThat(client.call(RpcContext.empty(), "echo_value", Map.of("value", "ü"), String.class))
				.isEqualTo("ü");
			assertThat(ReplyWaiter.of(transport).lateReplies()).as("each reply sent once").isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "OSLO14_DEFAULT", "OSLO16_DEFAULT", "OSLO18_KOLLA" })
	void pythonServersWithMandatoryRepliesSendEachReplyAgainAndAgain(InteropCell cell) throws Exception {
		try (InteropTestSupport support = new InteropTestSupport(cell)) {
			String topic = InteropTestSupport.uniqueTopic("direct2pym");
			support.queues(topic, topic + ".p1", topic + "_fanout");
			support.track(PythonOslo.startServer(cell.peer(), cell.pythonUrl("p1"), topic, "p1"));
			Transport transport = support.track(Transports.create(withQuery(support.url, DIRECT)));
			RpcTemplate client = new RpcTemplate(transport, Target.topic(topic))
				.prepare((p) -> p.timeout(Duration.ofSeconds(20)));
			assertThat(client.call(RpcContext.empty(), "add", Map.of("a", 2, "b", 3), Long.class)).isEqualTo(5L);
			await().atMost(Duration.ofSeconds(10)).until(() -> ReplyWaiter.of(transport).lateReplies() >= 3);
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "OSLO14_DEFAULT" })
	void aJavaServerAnswersEachCallOnce(InteropCell cell) throws Exception {
		try (InteropTestSupport support = new InteropTestSupport(cell)) {
			String topic = InteropTestSupport.uniqueTopic("direct2java");
			support.javaServer(topic, "j1");
			Transport transport = support.track(Transports.create(withQuery(support.url, DIRECT)));
			RpcTemplate client = new RpcTemplate(transport, Target.topic(topic))
				.prepare((p) -> p.timeout(Duration.ofSeconds(20)));
			for (int i = 0; i < 20; i++) {
				assertThat(client.call(RpcContext.empty(), "add", Map.of("a", i, "b", 1), Long.class))
					.isEqualTo(i + 1L);
			}
			assertThat(ReplyWaiter.of(transport).lateReplies()).as("each reply sent once").isZero();
		}
	}

}
