package io.oslo4j.rpc.rabbit;

import java.util.Map;

import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DeclarationAdvice}: what the broker's 406 texts (as RabbitMQ 3.10 and 4.x word
 * them) mean for an oslo deployment, and the option it names.
 */
class DeclarationAdviceTests {

	private static final RabbitOptions DEFAULTS = RabbitOptions.defaults();

	@Test
	void durableFanoutExchangeMeansTransientQuorum() {
		String advice = DeclarationAdvice.advice(new FanoutExchange("nova_fanout", false, true), DEFAULTS,
				"PRECONDITION_FAILED - inequivalent arg 'durable' for exchange 'nova_fanout' in vhost '/': "
						+ "received 'false' but current is 'true'");
		assertThat(advice).contains("'nova_fanout' is durable")
			.contains("set rabbit_transient_quorum_queue=true (rpc.rabbit.transient-quorum-queues=true)");
	}

	@Test
	void nonDurableFanoutExchangeMeansDefaultMode() {
		RabbitOptions kolla = RabbitOptions.of(TransportUrl.parse("rabbit://h/"),
				TransportSettings.defaults().withOptions(Map.of("rabbit_transient_quorum_queue", "true")));
		String advice = DeclarationAdvice.advice(new FanoutExchange("nova_fanout", true, true), kolla,
				"PRECONDITION_FAILED - inequivalent arg 'durable' for exchange 'nova_fanout' in vhost '/': "
						+ "received 'true' but current is 'false'");
		assertThat(advice).contains("not durable").contains("rabbit_transient_quorum_queue=false");
	}

	@Test
	void durableControlExchangeMeansQuorumQueues() {
		String advice = DeclarationAdvice.advice(new TopicExchange("nova", false, false), DEFAULTS,
				"PRECONDITION_FAILED - inequivalent arg 'durable' for exchange 'nova' in vhost '/': "
						+ "received 'false' but current is 'true'");
		assertThat(advice).contains("set rabbit_quorum_queue=true (rpc.rabbit.quorum-queues=true)");
	}

	@Test
	void queueTypeOfATopicQueueOrAReplyQueue() {
		String reason = "PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue 'compute' in vhost '/': "
				+ "received none but current is the value 'quorum' of type 'longstr'";
		assertThat(DeclarationAdvice.advice(new Queue("compute", false), DEFAULTS, reason))
			.contains("'compute' is a quorum queue")
			.contains("set rabbit_quorum_queue=true");
		assertThat(DeclarationAdvice.advice(new Queue("reply_h:p:1", false), DEFAULTS,
				reason.replace("compute", "reply_h:p:1")))
			.contains("set rabbit_transient_quorum_queue=true");
	}

	@Test
	void streamAgeAndQuorumLimitsGiveTheValueToSet() {
		assertThat(DeclarationAdvice.advice(new Queue("nova_fanout", true), DEFAULTS,
				"PRECONDITION_FAILED - inequivalent arg 'x-max-age' for queue 'nova_fanout' in vhost '/': "
						+ "received the value '1800s' of type 'longstr' but current is the value '600s' of type 'longstr'"))
			.contains("set rabbit_transient_queues_ttl=600 (rpc.rabbit.transient-queues-ttl=600s)");
		assertThat(DeclarationAdvice.advice(new Queue("compute", true), DEFAULTS,
				"PRECONDITION_FAILED - inequivalent arg 'x-delivery-limit' for queue 'compute' in vhost '/': "
						+ "received none but current is the value 5 of type 'signedint'"))
			.contains("set rabbit_quorum_delivery_limit=5 (rpc.rabbit.quorum-delivery-limit=5)");
	}

	@Test
	void strictBrokerNamesBothQuorumOptions() {
		String reason = "PRECONDITION_FAILED - Feature `transient_nonexcl_queues` is deprecated.";
		assertThat(DeclarationAdvice.advice(new Queue("reply_abc", false), DEFAULTS, reason)).contains("RabbitMQ 4.3")
			.contains("rabbit_transient_quorum_queue=true")
			.contains("rabbit_quorum_queue=true");
		assertThat(DeclarationAdvice.advice(new Queue("compute", false), DEFAULTS, reason))
			.contains("durable topic queues: set rabbit_quorum_queue=true");
	}

	@Test
	void durabilityOfATopicQueueNamesBothOptionsAndTheirProperties() {
		assertThat(DeclarationAdvice.advice(new Queue("compute.info", true), DEFAULTS,
				"PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'compute.info' in vhost '/': "
						+ "received 'true' but current is 'false'"))
			.contains("set rabbit_quorum_queue=false and amqp_durable_queues=false")
			.contains("rpc.rabbit.quorum-queues=false");
		assertThat(DeclarationAdvice.advice(new Queue("compute", false), DEFAULTS,
				"PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'compute' in vhost '/': "
						+ "received 'false' but current is 'true'"))
			.contains("set rabbit_quorum_queue=true (rpc.rabbit.quorum-queues=true)");
	}

	@Test
	void otherRefusalsGiveNoAdvice() {
		assertThat(DeclarationAdvice.advice(new Queue("q", false), DEFAULTS, "ACCESS_REFUSED - no access")).isNull();
	}

}
