package io.oslo4j.rpc.boot.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.boot.notify.RpcNotificationListenerRegistry;
import io.oslo4j.rpc.client.ReplyWaiter;
import io.oslo4j.rpc.rabbit.RabbitTransport;
import io.oslo4j.rpc.transport.Transport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Meters of oslo4j beyond its observations (whose timers {@code rpc.client.requests} and
 * {@code rpc.server.requests} come from Boot's observation support): the counter
 * {@code rpc.client.late.replies}, replies that arrived for calls no longer waiting
 * (timed out, or unknown); on RabbitMQ the counter
 * {@code rpc.rabbit.delivery.limit.reached}, messages delivered for the last time before
 * their quorum queue's delivery limit (RabbitMQ drops them if they are requeued or their
 * consumer fails once more), {@code rpc.rabbit.reply.queue.repairs}, reply queues found
 * lost under their consumer and repaired, and {@code rpc.rabbit.fanout.streams.lost},
 * fanout streams deleted under their consumer; all bound to every registry by Boot's
 * metrics support as a {@link MeterBinder}; the executor meters of the servers' and
 * listeners' workers ({@link RpcWorkerMetrics}); and amqp-client's {@code rabbitmq.*}
 * connection meters of oslo4j's RabbitMQ transports, tagged {@code name=oslo4j-rpc} or
 * {@code name=oslo4j-notifications} ({@link RpcRabbitMetricsPostProcessor}).
 */
@AutoConfiguration(after = RpcAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(Transport.class)
public final class RpcMetricsAutoConfiguration {

	/** Name of the late replies counter. */
	public static final String LATE_REPLIES = "rpc.client.late.replies";

	/** Name of the counter of last deliveries before a quorum queue's delivery limit. */
	public static final String DELIVERY_LIMIT_REACHED = "rpc.rabbit.delivery.limit.reached";

	/**
	 * Name of the counter of reply queues found lost under their consumer and repaired.
	 */
	public static final String REPLY_QUEUE_REPAIRS = "rpc.rabbit.reply.queue.repairs";

	/** Name of the counter of fanout streams deleted under their consumer. */
	public static final String FANOUT_STREAMS_LOST = "rpc.rabbit.fanout.streams.lost";

	/**
	 * amqp-client's {@code rabbitmq.*} connection meters of oslo4j's RabbitMQ transports.
	 * @param context where the meter registry is looked up, when a transport is made
	 * @return the post-processor binding them
	 */
	@Bean
	static RpcRabbitMetricsPostProcessor rpcRabbitMetricsPostProcessor(ApplicationContext context) {
		return new RpcRabbitMetricsPostProcessor(context);
	}

	@Bean
	@ConditionalOnMissingBean
	RpcWorkerMetrics rpcWorkerMetrics(ObjectProvider<MeterRegistry> meterRegistry,
			ObjectProvider<RpcEndpointRegistry> servers, ObjectProvider<RpcNotificationListenerRegistry> listeners) {
		return new RpcWorkerMetrics(meterRegistry, servers, listeners);
	}

	@Bean
	@ConditionalOnMissingBean(name = "rpcMeterBinder")
	MeterBinder rpcMeterBinder(Transport transport) {
		return (registry) -> {
			FunctionCounter.builder(LATE_REPLIES, ReplyWaiter.of(transport), ReplyWaiter::lateReplies)
				.description("Replies that arrived for calls no longer waiting (timed out or unknown)")
				.register(registry);
			if (transport instanceof RabbitTransport rabbit) {
				FunctionCounter.builder(DELIVERY_LIMIT_REACHED, rabbit, RabbitTransport::deliveryLimitReached)
					.description("Messages delivered for the last time before their quorum queue's delivery limit")
					.register(registry);
				FunctionCounter.builder(REPLY_QUEUE_REPAIRS, rabbit, RabbitTransport::replyQueueRepairs)
					.description("Times the reply queue was found lost under its consumer, declared again and "
							+ "consumed again")
					.register(registry);
				FunctionCounter.builder(FANOUT_STREAMS_LOST, rabbit, RabbitTransport::fanoutStreamsLost)
					.description("Times a server's fanout stream was found deleted under its consumer and declared "
							+ "again (fanout casts sent in between are lost)")
					.register(registry);
			}
		};
	}

}
