package io.oslo4j.rpc;

import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * Where a message goes, or what a server listens for (oslo's {@code Target}).
 * <ul>
 * <li>{@code exchange}: the topic exchange; {@code null} means the transport's control
 * exchange ({@code openstack} by default).</li>
 * <li>{@code topic}: the queue name servers share; required to send and to listen.</li>
 * <li>{@code server}: a server name; a message with a server goes to {@code topic.server}
 * only; a server listens on it.</li>
 * <li>{@code fanout}: whether a cast goes to every server of the topic.</li>
 * <li>{@code namespace}, {@code version}: which endpoints may serve the request.</li>
 * </ul>
 * Targets are immutable; the {@code with...} methods return copies (oslo's
 * {@code target(**overrides)}).
 *
 * @param exchange the exchange, or {@code null} for the control exchange
 * @param topic the topic
 * @param server the server name
 * @param fanout whether the target is every server of the topic
 * @param namespace the endpoint namespace
 * @param version the version requested (client) or implemented (endpoint)
 */
public record Target(@Nullable String exchange, @Nullable String topic, @Nullable String server, boolean fanout,
		@Nullable String namespace, @Nullable String version) {

	private static final Target EMPTY = new Target(null, null, null, false, null, null);

	public Target {
		exchange = blankToNull(exchange);
		topic = blankToNull(topic);
		server = blankToNull(server);
		namespace = blankToNull(namespace);
		version = blankToNull(version);
		if (version != null) {
			RpcVersion.parse(version);
		}
	}

	/**
	 * Returns a target with no field set.
	 * @return the empty target
	 */
	public static Target empty() {
		return EMPTY;
	}

	/**
	 * Returns a target for a topic.
	 * @param topic the topic
	 * @return the target
	 */
	public static Target topic(String topic) {
		return EMPTY.withTopic(topic);
	}

	/**
	 * Returns a server's target: a topic and a server name.
	 * @param topic the topic
	 * @param server the server name
	 * @return the target
	 */
	public static Target server(String topic, String server) {
		return EMPTY.withTopic(topic).withServer(server);
	}

	public Target withExchange(@Nullable String exchange) {
		return new Target(exchange, this.topic, this.server, this.fanout, this.namespace, this.version);
	}

	public Target withTopic(@Nullable String topic) {
		return new Target(this.exchange, topic, this.server, this.fanout, this.namespace, this.version);
	}

	public Target withServer(@Nullable String server) {
		return new Target(this.exchange, this.topic, server, this.fanout, this.namespace, this.version);
	}

	public Target withFanout(boolean fanout) {
		return new Target(this.exchange, this.topic, this.server, fanout, this.namespace, this.version);
	}

	public Target withNamespace(@Nullable String namespace) {
		return new Target(this.exchange, this.topic, this.server, this.fanout, namespace, this.version);
	}

	public Target withVersion(@Nullable String version) {
		return new Target(this.exchange, this.topic, this.server, this.fanout, this.namespace, version);
	}

	/**
	 * Returns the version as an {@link RpcVersion}, or {@code null} when none is set.
	 * @return the parsed version
	 */
	public @Nullable RpcVersion rpcVersion() {
		return (this.version != null) ? RpcVersion.parse(this.version) : null;
	}

	/**
	 * Checks that a message can be sent to this target: it needs a topic.
	 * @return this target
	 * @throws InvalidTargetException oslo's "A topic is required to send"
	 */
	public Target validateForSend() {
		if (this.topic == null) {
			throw new InvalidTargetException("A topic is required to send", this);
		}
		return this;
	}

	/**
	 * Checks that a call can be made to this target: no fanout, and a topic. Fanout is
	 * checked first, as oslo's {@code call()} does before the transport checks the topic.
	 * @return this target
	 * @throws InvalidTargetException oslo's "A call cannot be used with fanout" or "A
	 * topic is required to send"
	 */
	public Target validateForCall() {
		if (this.fanout) {
			throw new InvalidTargetException("A call cannot be used with fanout", this);
		}
		return validateForSend();
	}

	/**
	 * Checks that a server can listen on this target: a topic and a server name.
	 * @return this target
	 * @throws InvalidTargetException oslo's "A server's target must have topic and server
	 * names specified"
	 */
	public Target validateForListen() {
		if (this.topic == null || this.server == null) {
			throw new InvalidTargetException("A server's target must have topic and server names specified", this);
		}
		return this;
	}

	/**
	 * Returns oslo's representation: {@code <Target topic=t, server=s>}, listing only the
	 * fields that are set, in oslo's order.
	 */
	@Override
	public String toString() {
		StringJoiner joiner = new StringJoiner(", ", "<Target ", ">");
		joiner.setEmptyValue("<Target >");
		add(joiner, "exchange", this.exchange);
		add(joiner, "topic", this.topic);
		add(joiner, "namespace", this.namespace);
		add(joiner, "version", this.version);
		add(joiner, "server", this.server);
		if (this.fanout) {
			joiner.add("fanout=True");
		}
		return joiner.toString();
	}

	private static void add(StringJoiner joiner, String name, @Nullable String value) {
		if (value != null) {
			joiner.add(name + "=" + value);
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
