package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationUnit;

/**
 * Settings of one {@code @RpcClient} interface, {@code rpc.clients.<name>.*}. Every value
 * that is set overrides the annotation's attribute; unset values fall back to the
 * annotation, then to the global {@code rpc.*} value.
 */
public class RpcClientProperties {

	/**
	 * Topic to send to. Defaults to the annotation's topic, then to the client name.
	 */
	private @Nullable String topic;

	/**
	 * Server to direct every message to ("<topic>.<server>"). Not set: any server of the
	 * topic.
	 */
	private @Nullable String server;

	/**
	 * Exchange to send to. Not set: rpc.control-exchange.
	 */
	private @Nullable String exchange;

	/**
	 * Endpoint namespace requested.
	 */
	private @Nullable String namespace;

	/**
	 * Version requested, "X.Y" (e.g. "5.0").
	 */
	private @Nullable String version;

	/**
	 * Highest version this client may send, "X.Y"; a method whose version is above it
	 * fails without sending.
	 */
	private @Nullable String versionCap;

	/**
	 * How long a call waits for its reply. A number without unit is seconds. Not set:
	 * rpc.response-timeout.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration timeout;

	/**
	 * Call monitor timeout of this client (whole seconds: a number without unit is
	 * seconds, fractions of a second are refused). Not set: rpc.call-monitor-timeout.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration callMonitorTimeout;

	/**
	 * Whether every cast goes to all servers of the topic (calls are then refused).
	 */
	private @Nullable Boolean fanout;

	/**
	 * How many times a request or cast whose connection was lost before the broker
	 * confirmed it is published again on a new connection (oslo's retry): 0 never (the
	 * send fails with RpcConnectionLostException), N at most N times, -1 until it goes
	 * through; a call never past its timeout. Not set: 0.
	 */
	private @Nullable Integer retry;

	/**
	 * Names of RpcClientInterceptor beans that see each message of this client, in order,
	 * after the @GlobalRpcClientInterceptor beans.
	 */
	private List<String> interceptors = new ArrayList<>();

	public List<String> getInterceptors() {
		return this.interceptors;
	}

	public void setInterceptors(List<String> interceptors) {
		this.interceptors = interceptors;
	}

	public @Nullable String getTopic() {
		return this.topic;
	}

	public void setTopic(@Nullable String topic) {
		this.topic = topic;
	}

	public @Nullable String getServer() {
		return this.server;
	}

	public void setServer(@Nullable String server) {
		this.server = server;
	}

	public @Nullable String getExchange() {
		return this.exchange;
	}

	public void setExchange(@Nullable String exchange) {
		this.exchange = exchange;
	}

	public @Nullable String getNamespace() {
		return this.namespace;
	}

	public void setNamespace(@Nullable String namespace) {
		this.namespace = namespace;
	}

	public @Nullable String getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable String version) {
		this.version = version;
	}

	public @Nullable Integer getRetry() {
		return this.retry;
	}

	public void setRetry(@Nullable Integer retry) {
		this.retry = retry;
	}

	public @Nullable String getVersionCap() {
		return this.versionCap;
	}

	public void setVersionCap(@Nullable String versionCap) {
		this.versionCap = versionCap;
	}

	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(@Nullable Duration timeout) {
		this.timeout = timeout;
	}

	public @Nullable Duration getCallMonitorTimeout() {
		return this.callMonitorTimeout;
	}

	public void setCallMonitorTimeout(@Nullable Duration callMonitorTimeout) {
		this.callMonitorTimeout = callMonitorTimeout;
	}

	public @Nullable Boolean getFanout() {
		return this.fanout;
	}

	public void setFanout(@Nullable Boolean fanout) {
		this.fanout = fanout;
	}

}
