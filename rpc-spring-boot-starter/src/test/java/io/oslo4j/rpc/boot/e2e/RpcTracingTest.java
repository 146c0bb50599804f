package io.oslo4j.rpc.boot.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.Span.Kind;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.oslo4j.rpc.boot.e2e.client.InventoryClient;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With Micrometer Tracing (Brave, Boot's auto-configuration, W3C propagation) a call's
 * client span and the server's span share one trace: the client's propagator puts
 * {@code traceparent} in the request context ({@code _context_traceparent} on the wire)
 * and the server continues the trace from it.
 */
@Timeout(120)
class RpcTracingTest {

	private static final AutoConfigurations TRACING = AutoConfigurations.of(MicrometerTracingAutoConfiguration.class,
			BraveAutoConfiguration.class);

	private final String url = TestBroker.url();

	private final String topic = "boot_trace_" + UUID.randomUUID().toString().substring(0, 8);

	private final List<String> queues = new CopyOnWriteArrayList<>(List.of(this.topic, this.topic + ".s1"));

	@AfterEach
	void deleteQueues() {
		BrokerQueues.delete(this.queues);
	}

	@Test
	void aCallsClientAndServerSpansShareTheTraceThroughTheRequestContext() {
		RpcRunners.server(this.url, this.topic, "s1")
			.withConfiguration(TRACING)
			.withBean(SpanRecorder.class)
			.withPropertyValues("management.tracing.sampling.probability=1.0")
			.run((server) -> RpcRunners.client(this.url, this.topic)
				.withConfiguration(TRACING)
				.withBean(SpanRecorder.class)
				.withPropertyValues("management.tracing.sampling.probability=1.0")
				.run((client) -> {
					Map<String, Object> context = client.getBean(InventoryClient.class).context();
					this.queues.add(client.getBean(Transport.class).replyQueue((message) -> {
					}));
					SpanRecorder clientSpans = client.getBean(SpanRecorder.class);
					SpanRecorder serverSpans = server.getBean(SpanRecorder.class);
					await().atMost(Duration.ofSeconds(10))
						.until(() -> !clientSpans.spans.isEmpty() && !serverSpans.spans.isEmpty());
					MutableSpan sent = clientSpans.spans.get(0);
					MutableSpan served = serverSpans.spans.get(0);
					System.out.printf("client span %s %s trace=%s id=%s%nserver span %s %s trace=%s parent=%s%n",
							sent.kind(), sent.name(), sent.traceId(), sent.id(), served.kind(), served.name(),
							served.traceId(), served.parentId());
					assertThat(sent.kind()).isEqualTo(Kind.PRODUCER);
					assertThat(served.kind()).isEqualTo(Kind.CONSUMER);
					assertThat(sent.name()).isEqualTo(this.topic + "/context");
					assertThat(served.traceId()).isEqualTo(sent.traceId());
					assertThat(served.parentId()).isEqualTo(sent.id());
					assertThat(served.tags()).containsEntry("rpc.method", "context")
						.containsEntry("outcome", "success");
					assertThat(context.get("traceparent")).as("the context the endpoint received")
						.isEqualTo("00-" + sent.traceId() + "-" + sent.id() + "-01");
					assertThat(context).containsEntry("request_id", "req-42");
				}));
	}

	/**
	 * Keeps every finished span of its application context.
	 */
	static class SpanRecorder extends SpanHandler {

		final List<MutableSpan> spans = new CopyOnWriteArrayList<>();

		@Override
		public boolean end(TraceContext context, MutableSpan span, Cause cause) {
			this.spans.add(span);
			return true;
		}

	}

}
