package io.oslo4j.rpc.boot.autoconfigure;

import io.oslo4j.rpc.rabbit.DeclarationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a declaration RabbitMQ refused (usually {@code 406 PRECONDITION_FAILED}): the
 * description says what could not be declared and what the broker said; the action is the
 * exception's advice (the oslo option and Spring Boot property that make this service
 * declare what the deployment already has), or, when oslo4j did not recognise the clash,
 * the options that decide how queues and exchanges are declared.
 */
class DeclarationFailureAnalyzer extends AbstractFailureAnalyzer<DeclarationException> {

	static final String OPTIONS_HINT = """
			Declare queues and exchanges as the other services on the same topic and virtual host do:

			    rpc.rabbit.quorum-queues (rabbit_quorum_queue): quorum topic queues, durable topic exchange
			    rpc.rabbit.durable-queues (amqp_durable_queues): durable classic topic queues and exchange
			    rpc.rabbit.transient-quorum-queues (rabbit_transient_quorum_queue): quorum reply and fanout queues, \
			durable fanout exchanges
			    rpc.rabbit.stream-fanout (rabbit_stream_fanout): one stream "<topic>_fanout" per topic
			    rpc.rabbit.transient-queues-ttl (rabbit_transient_queues_ttl): x-expires, or x-max-age of streams
			    rpc.rabbit.quorum-delivery-limit (rabbit_quorum_delivery_limit): x-delivery-limit
			    rpc.rabbit.options.rabbit_ha_queues: x-ha-policy (classic mirrored queues)

			If the deployment changed these settings, the queues declared with the old ones must be deleted \
			first (kolla-ansible: rabbitmq-reset-state). What each OpenStack deployment tool sets is listed in \
			oslo4j's docs/joining-openstack.md.""";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DeclarationException cause) {
		String advice = cause.advice();
		String description = "oslo4j could not declare a RabbitMQ queue, exchange or binding:\n\n    "
				+ withoutAdvice(cause) + "\n\nRabbitMQ refuses a declaration when the object already exists with "
				+ "other settings (another service declared it differently) or when it does not allow that kind of "
				+ "queue (RabbitMQ 4.3 refuses transient non-exclusive queues by default).";
		String action = (advice != null)
				? sentence(advice)
						+ "\n\nEvery service on the same topic and virtual host must use the same queue options."
				: OPTIONS_HINT;
		return new FailureAnalysis(description, action, cause);
	}

	private static String sentence(String advice) {
		String text = advice.strip();
		if (text.isEmpty()) {
			return OPTIONS_HINT;
		}
		text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
		return text.endsWith(".") ? text : text + ".";
	}

	/**
	 * Returns the exception's message without the advice it ends with.
	 * @param exception the exception
	 * @return what could not be declared and what the broker said
	 */
	static String withoutAdvice(DeclarationException exception) {
		String message = String.valueOf(exception.getMessage());
		String advice = exception.advice();
		String suffix = ". " + advice;
		return (advice != null && message.endsWith(suffix)) ? message.substring(0, message.length() - suffix.length())
				: message;
	}

}
