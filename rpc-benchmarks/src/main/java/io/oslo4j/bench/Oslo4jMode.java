package io.oslo4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;

/**
 * How an oslo4j system uses the broker: oslo's default mode, or kolla-ansible 2025.1's
 * (quorum topic queues, quorum reply queues and a durable fanout exchange, one shared
 * fanout stream per topic, queue-manager names, prefetch 1), and what each leaves on the
 * broker for the cleanup.
 * <p>
 * Kolla's options are driver options, so query options of the URL override them (e.g.
 * {@code ?rabbit_qos_prefetch_count=50}, kolla 2026.1's prefetch). Kolla mode declares
 * its topic exchange durable: it gets a control exchange of its own
 * ({@code bench_kolla_<hex>}, deleted at the end) instead of {@code openstack}, which a
 * default-mode system on the same broker declares non-durable.
 */
final class Oslo4jMode {

	/** kolla-ansible 2025.1's {@code [oslo_messaging_rabbit]} options. */
	static final Map<String, String> KOLLA_OPTIONS = kollaOptions();

	private final String url;

	private final TransportSettings settings;

	private Oslo4jMode(String url, TransportSettings settings) {
		this.url = url;
		this.settings = settings;
	}

	/**
	 * oslo's default mode with the default control exchange.
	 * @param url the broker URL ({@code rabbit://} or {@code fake://})
	 * @return the mode
	 */
	static Oslo4jMode standard(String url) {
		return new Oslo4jMode(url, TransportSettings.defaults());
	}

	/**
	 * oslo's default mode with clients that get their replies through RabbitMQ's direct
	 * reply-to ({@code rabbit_direct_reply_to}) instead of a reply queue.
	 * @param url the broker URL ({@code rabbit://})
	 * @return the mode
	 */
	static Oslo4jMode directReplyTo(String url) {
		return new Oslo4jMode(url, TransportSettings.defaults().withOptions(Map.of("rabbit_direct_reply_to", "true")));
	}

	/**
	 * The guarantees of Spring AMQP's request/reply, for a like-for-like comparison:
	 * replies through RabbitMQ's direct reply-to ({@code rabbit_direct_reply_to}) and
	 * publishes that do not wait for the broker's confirm
	 * ({@code confirm_publish=false}).
	 * @param url the broker URL ({@code rabbit://})
	 * @return the mode
	 */
	static Oslo4jMode springGuarantees(String url) {
		return new Oslo4jMode(url, TransportSettings.defaults()
			.withOptions(Map.of("rabbit_direct_reply_to", "true", "confirm_publish", "false")));
	}

	/**
	 * kolla-ansible 2025.1's mode, on a control exchange of its own.
	 * @param url the broker URL ({@code rabbit://})
	 * @return the mode
	 */
	static Oslo4jMode kolla(String url) {
		if (!url.startsWith("rabbit") && !url.startsWith("kombu")) {
			throw new IllegalArgumentException("kolla mode needs a RabbitMQ URL, not " + url);
		}
		String exchange = "bench_kolla_" + MessageIds.next().substring(0, 8);
		return new Oslo4jMode(url, new TransportSettings(exchange, KOLLA_OPTIONS));
	}

	/** Returns the broker URL. */
	String url() {
		return this.url;
	}

	/**
	 * Makes a transport in this mode.
	 * @return the transport
	 */
	Transport transport() {
		return Transports.create(TransportUrl.parse(this.url), this.settings);
	}

	/**
	 * Returns the exchanges a system on a topic leaves on the broker: the fanout exchange
	 * {@code T_fanout} (auto-delete, gone already unless something is still bound), and
	 * the control exchange when it is this mode's own.
	 * @param topic the topic
	 * @return the exchange names
	 */
	List<String> exchanges(String topic) {
		List<String> exchanges = new ArrayList<>(List.of(topic + "_fanout"));
		if (!TransportSettings.DEFAULT_CONTROL_EXCHANGE.equals(this.settings.controlExchange())) {
			exchanges.add(this.settings.controlExchange());
		}
		return exchanges;
	}

	private static Map<String, String> kollaOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("rabbit_quorum_queue", "true");
		options.put("rabbit_transient_quorum_queue", "true");
		options.put("use_queue_manager", "true");
		options.put("rabbit_stream_fanout", "true");
		options.put("rabbit_qos_prefetch_count", "1");
		return options;
	}

}
