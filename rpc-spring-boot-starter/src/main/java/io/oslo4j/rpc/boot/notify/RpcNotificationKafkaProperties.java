package io.oslo4j.rpc.boot.notify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of oslo's Kafka driver, {@code rpc.notifications.kafka.*}.
 */
public class RpcNotificationKafkaProperties {

	/**
	 * Whether a record's offset is committed only after its listener methods ran (at
	 * least once; a listener may requeue) instead of oslo's commit before dispatch (at
	 * most once). Sets the commit_after_dispatch option.
	 */
	private boolean atLeastOnce;

	/**
	 * oslo's [oslo_messaging_kafka] options by name (consumer_group,
	 * kafka_consumer_timeout, max_poll_records, producer_batch_size,
	 * producer_batch_timeout, compression_codec, security_protocol, sasl_mechanism,
	 * ssl_cafile, ...). Options in the transport URL's query win.
	 */
	private Map<String, String> options = new LinkedHashMap<>();

	public boolean isAtLeastOnce() {
		return this.atLeastOnce;
	}

	public void setAtLeastOnce(boolean atLeastOnce) {
		this.atLeastOnce = atLeastOnce;
	}

	public Map<String, String> getOptions() {
		return this.options;
	}

	public void setOptions(Map<String, String> options) {
		this.options = options;
	}

	/**
	 * Returns the driver options: {@link #getOptions()} plus
	 * {@code commit_after_dispatch} for {@link #isAtLeastOnce()}.
	 * @return the options by oslo name
	 */
	public Map<String, String> osloOptions() {
		Map<String, String> all = new LinkedHashMap<>(this.options);
		if (this.atLeastOnce) {
			all.put("commit_after_dispatch", "true");
		}
		return all;
	}

}
