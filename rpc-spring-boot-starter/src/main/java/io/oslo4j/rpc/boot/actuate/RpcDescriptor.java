package io.oslo4j.rpc.boot.actuate;

import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.WorkerStats;
import io.oslo4j.rpc.rabbit.RabbitOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * What the {@code rpc} endpoint shows: the transport (and a notification transport of its
 * own, if any), the RPC servers with their endpoints, the clients and the notification
 * listeners. Method and argument names are wire names: what a caller must send. Durations
 * are ISO-8601 ({@code PT1M}).
 *
 * @param transport the RPC transport
 * @param notificationTransport the transport of notifications when it is not the RPC one
 * ({@code rpc.notifications.transport-url}), else {@code null}
 * @param servers the RPC servers, one per topic
 * @param clients the clients, by client name
 * @param notificationListeners the notification listeners
 */
public record RpcDescriptor(TransportDescriptor transport, @Nullable TransportDescriptor notificationTransport,
		List<ServerDescriptor> servers, Map<String, ClientDescriptor> clients,
		List<ListenerDescriptor> notificationListeners) implements OperationResponseBody {

	/**
	 * A transport.
	 *
	 * @param url its URL, passwords masked
	 * @param driver the driver ({@code rabbit}, {@code kafka}, {@code fake})
	 * @param controlExchange the exchange of targets that name none
	 * @param connected whether it is connected to its broker now
	 * @param pendingCalls how many calls wait for their reply
	 * @param inFlight how many requests its RPC servers are handling or have queued
	 * @param rabbit the RabbitMQ modes in force, or {@code null} on another driver
	 */
	public record TransportDescriptor(String url, String driver, String controlExchange, boolean connected,
			int pendingCalls, int inFlight, @Nullable RabbitModes rabbit) {

	}

	/**
	 * The RabbitMQ modes a transport runs with (oslo's {@code [oslo_messaging_rabbit]}
	 * options).
	 *
	 * @param quorumQueues {@code rabbit_quorum_queue}
	 * @param transientQuorumQueues {@code rabbit_transient_quorum_queue}
	 * @param streamFanout {@code rabbit_stream_fanout}
	 * @param queueManager {@code use_queue_manager}
	 * @param durableQueues {@code amqp_durable_queues}
	 * @param autoDelete {@code amqp_auto_delete}
	 * @param haQueues {@code rabbit_ha_queues}
	 * @param quorumDeliveryLimit {@code rabbit_quorum_delivery_limit} (0: none)
	 * @param confirmPublish whether publishes wait for the broker's confirm
	 * @param ssl whether connections use TLS
	 * @param heartbeat {@code heartbeat_timeout_threshold}, in seconds
	 * @param qosPrefetchCount {@code rabbit_qos_prefetch_count} (0: unlimited)
	 */
	public record RabbitModes(boolean quorumQueues, boolean transientQuorumQueues, boolean streamFanout,
			boolean queueManager, boolean durableQueues, boolean autoDelete, boolean haQueues, int quorumDeliveryLimit,
			boolean confirmPublish, boolean ssl, int heartbeat, int qosPrefetchCount) {

		static RabbitModes of(RabbitOptions options) {
			return new RabbitModes(options.quorumQueue(), options.transientQuorumQueue(), options.streamFanout(),
					options.useQueueManager(), options.durableQueues(), options.autoDelete(), options.haQueues(),
					options.quorumDeliveryLimit(), options.confirmPublish(), options.ssl(), options.heartbeat(),
					options.qosPrefetchCount());
		}

	}

	/**
	 * An RPC server.
	 *
	 * @param topic its topic
	 * @param server its server name
	 * @param exchange its exchange
	 * @param running whether it consumes
	 * @param inFlight how many requests it is handling or has queued
	 * @param workers its workers, or {@code null} when requests run on the consumer
	 * threads
	 * @param endpoints its endpoints, in dispatch order
	 */
	public record ServerDescriptor(String topic, String server, String exchange, boolean running, int inFlight,
			@Nullable WorkersDescriptor workers, List<EndpointDescriptor> endpoints) {

	}

	/**
	 * An endpoint of a server.
	 *
	 * @param type its class
	 * @param namespace its namespace, or {@code null} for none
	 * @param version the version it implements
	 * @param methods its callable methods (wire names) with the names of the arguments a
	 * caller sends
	 */
	public record EndpointDescriptor(String type, @Nullable String namespace, String version,
			Map<String, List<String>> methods) {

	}

	/**
	 * A client.
	 *
	 * @param topic the topic it calls
	 * @param server the server it calls, or {@code null} for any of the topic
	 * @param exchange the exchange it sends to
	 * @param fanout whether it casts to every server of the topic
	 * @param namespace the namespace it calls, or {@code null} for none
	 * @param version the version it sends, or {@code null} for 1.0
	 * @param versionCap the highest version it may send, or {@code null} for no cap
	 * @param timeout how long a call waits for its reply
	 * @param callMonitorTimeout how long a call waits between heartbeats, or {@code null}
	 * for no call monitor
	 */
	public record ClientDescriptor(String topic, @Nullable String server, String exchange, boolean fanout,
			@Nullable String namespace, @Nullable String version, @Nullable String versionCap, String timeout,
			@Nullable String callMonitorTimeout) {

	}

	/**
	 * A notification listener.
	 *
	 * @param targets the topics and exchanges it consumes
	 * @param pool its pool, or {@code null} for queues of its own
	 * @param priorities the priorities it subscribes to, in oslo's order
	 * @param filters the filters of its endpoints (oslo's {@code filter_rule})
	 * @param running whether it consumes
	 * @param workers its workers, or {@code null} when notifications run on the consumer
	 * threads
	 */
	public record ListenerDescriptor(List<TargetDescriptor> targets, @Nullable String pool, List<String> priorities,
			List<Map<String, Object>> filters, boolean running, @Nullable WorkersDescriptor workers) {

	}

	/**
	 * A topic and its exchange.
	 *
	 * @param topic the topic
	 * @param exchange the exchange
	 */
	public record TargetDescriptor(String topic, String exchange) {

	}

	/**
	 * What the workers of a server or listener are doing.
	 *
	 * @param active the tasks running
	 * @param queued the tasks waiting for a worker
	 * @param queueRemaining how many more may wait before the consumer is held back
	 * @param maxActive how many may run at once
	 * @param completed the tasks finished
	 */
	public record WorkersDescriptor(int active, int queued, int queueRemaining, int maxActive, long completed) {

		static @Nullable WorkersDescriptor of(@Nullable WorkerStats stats) {
			return (stats != null) ? new WorkersDescriptor(stats.active(), stats.queued(), stats.queueRemaining(),
					stats.maxActive(), stats.completed()) : null;
		}

	}

}
