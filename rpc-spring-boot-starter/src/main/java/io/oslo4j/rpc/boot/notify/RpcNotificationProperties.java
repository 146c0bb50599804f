package io.oslo4j.rpc.boot.notify;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.boot.autoconfigure.RpcConfigurationException;
import io.oslo4j.rpc.notify.NotifierDriver;
import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration of notifications, prefix {@code rpc.notifications}: oslo's
 * {@code [oslo_messaging_notifications]} section ({@code driver}, {@code topics},
 * {@code transport_url}) plus the settings of {@code @RpcNotificationListener} methods.
 * Values are checked when the context starts; a bad one fails startup with a message
 * naming the key and a valid example.
 */
@ConfigurationProperties("rpc.notifications")
public class RpcNotificationProperties implements InitializingBean {

	private static final String URL_EXAMPLE = "rpc.notifications.transport-url=rabbit://user:password@notify.example.com:5672/";

	/**
	 * How notifications are sent (oslo's driver): messagingv2 (the 2.0 envelope, as
	 * OpenStack services send them), messaging (the legacy 1.0 format), log (as JSON to
	 * the logger "oslo.messaging.notification.<event_type>") or noop (not sent).
	 */
	private NotifierDriver driver = NotifierDriver.MESSAGING_V2;

	/**
	 * Topics every notification is sent to, and the default topics of
	 * @RpcNotificationListener methods. A notification goes to the queue
	 * "<topic>.<priority>", e.g. "notifications.info".
	 */
	private List<String> topics = new ArrayList<>(Arrays.asList("notifications"));

	/**
	 * Publisher id of the notifications the Notifier bean sends. Defaults to
	 * "<spring.application.name>.<rpc.server.name>" (the "<service>.<host>" form of
	 * OpenStack services, e.g. "compute.host1"; the server name defaults to the host
	 * name).
	 */
	private @Nullable String publisherId;

	/**
	 * oslo transport URL of notifications, when they go to another broker or virtual host
	 * than RPC (oslo's [oslo_messaging_notifications] transport_url). Defaults to the RPC
	 * transport (rpc.transport-url, or spring.rabbitmq.*).
	 */
	private @Nullable String transportUrl;

	/**
	 * The listeners running the application's @RpcNotificationListener methods.
	 */
	private final Listener listener = new Listener();

	/**
	 * oslo's Kafka driver, used when rpc.notifications.transport-url is a kafka:// URL.
	 */
	@NestedConfigurationProperty
	private final RpcNotificationKafkaProperties kafka = new RpcNotificationKafkaProperties();

	public NotifierDriver getDriver() {
		return this.driver;
	}

	public void setDriver(NotifierDriver driver) {
		this.driver = driver;
	}

	public List<String> getTopics() {
		return this.topics;
	}

	public void setTopics(List<String> topics) {
		this.topics = topics;
	}

	public @Nullable String getPublisherId() {
		return this.publisherId;
	}

	public void setPublisherId(@Nullable String publisherId) {
		this.publisherId = publisherId;
	}

	public @Nullable String getTransportUrl() {
		return this.transportUrl;
	}

	public void setTransportUrl(@Nullable String transportUrl) {
		this.transportUrl = transportUrl;
	}

	/**
	 * Returns the parsed {@code rpc.notifications.transport-url}.
	 * @return the URL, or {@code null} when notifications use the RPC transport
	 * @throws RpcConfigurationException when it is malformed (the message is masked)
	 */
	public @Nullable TransportUrl transportUrl() {
		if (this.transportUrl == null || this.transportUrl.isBlank()) {
			return null;
		}
		try {
			return TransportUrl.parse(this.transportUrl);
		}
		catch (InvalidTransportUrlException ex) {
			throw new RpcConfigurationException("rpc.notifications.transport-url", ex.getMessage(), URL_EXAMPLE, ex);
		}
	}

	public Listener getListener() {
		return this.listener;
	}

	public RpcNotificationKafkaProperties getKafka() {
		return this.kafka;
	}

	/**
	 * Checks the bound values.
	 * @throws RpcConfigurationException naming the first bad key
	 */
	@Override
	public void afterPropertiesSet() {
		transportUrl();
		if (this.topics.isEmpty() || this.topics.stream().anyMatch((topic) -> topic == null || topic.isBlank())) {
			throw new RpcConfigurationException("rpc.notifications.topics",
					"needs at least one topic and no blank one, was " + this.topics,
					"rpc.notifications.topics=notifications", null);
		}
		if (this.publisherId != null && this.publisherId.isBlank()) {
			throw new RpcConfigurationException("rpc.notifications.publisher-id", "must not be blank",
					"rpc.notifications.publisher-id=inventory.host1", null);
		}
		if (this.listener.executorThreads < 0) {
			throw new RpcConfigurationException("rpc.notifications.listener.executor-threads",
					"must not be negative, was " + this.listener.executorThreads,
					"rpc.notifications.listener.executor-threads=8", null);
		}
		if (this.listener.shutdownTimeout.isNegative()) {
			throw new RpcConfigurationException("rpc.notifications.listener.shutdown-timeout",
					"must not be negative, was " + this.listener.shutdownTimeout,
					"rpc.notifications.listener.shutdown-timeout=30s", null);
		}
	}

	/**
	 * Settings of the listeners running {@code @RpcNotificationListener} methods,
	 * {@code rpc.notifications.listener.*}.
	 */
	public static class Listener {

		/**
		 * Whether @RpcNotificationListener methods are started. When false no
		 * notification queue is consumed; the Notifier still sends.
		 */
		private boolean enabled = true;

		/**
		 * Whether a listener method returning REQUEUE (or throwing) puts the message back
		 * on its queue (oslo's allow_requeue). When false, as in oslo, the message is
		 * acknowledged anyway.
		 */
		private boolean allowRequeue;

		/**
		 * Whether a message that is not a notification (not JSON, bad envelope) is put
		 * back on its queue instead of dropped.
		 */
		private boolean requeueMalformed;

		/**
		 * Threads calling the listener methods of each listener (oslo's threading
		 * executor). 0: on the broker consumer's thread, in queue order.
		 */
		private int executorThreads;

		/**
		 * Name of an Executor bean (a TaskExecutor, for instance) calling the listener
		 * methods instead of the listener's own threads, at most executor-threads at
		 * once. Unset: the listener's own threads, or virtual threads when
		 * spring.threads.virtual.enabled=true (Java 21 and later).
		 */
		private @Nullable String executor;

		/**
		 * How long notifications being handled may run on shutdown before the listeners
		 * are closed. A number without unit is seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration shutdownTimeout = Duration.ofSeconds(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isAllowRequeue() {
			return this.allowRequeue;
		}

		public void setAllowRequeue(boolean allowRequeue) {
			this.allowRequeue = allowRequeue;
		}

		public boolean isRequeueMalformed() {
			return this.requeueMalformed;
		}

		public void setRequeueMalformed(boolean requeueMalformed) {
			this.requeueMalformed = requeueMalformed;
		}

		public int getExecutorThreads() {
			return this.executorThreads;
		}

		public void setExecutorThreads(int executorThreads) {
			this.executorThreads = executorThreads;
		}

		public @Nullable String getExecutor() {
			return this.executor;
		}

		public void setExecutor(@Nullable String executor) {
			this.executor = executor;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

	}

}
