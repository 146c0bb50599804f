package io.oslo4j.rpc.client;

import java.time.Duration;

import io.oslo4j.rpc.Target;
import org.jspecify.annotations.Nullable;

/**
 * The overrides of {@link RpcTemplate#prepare} (oslo's {@code prepare(...)}): target
 * fields and call options; whatever is not set is inherited.
 */
public final class Prepare {

	private Target target;

	private ClientOptions options;

	Prepare(Target target, ClientOptions options) {
		this.target = target;
		this.options = options;
	}

	public Prepare exchange(@Nullable String exchange) {
		this.target = this.target.withExchange(exchange);
		return this;
	}

	public Prepare topic(String topic) {
		this.target = this.target.withTopic(topic);
		return this;
	}

	public Prepare server(@Nullable String server) {
		this.target = this.target.withServer(server);
		return this;
	}

	public Prepare fanout(boolean fanout) {
		this.target = this.target.withFanout(fanout);
		return this;
	}

	public Prepare namespace(@Nullable String namespace) {
		this.target = this.target.withNamespace(namespace);
		return this;
	}

	/**
	 * Sets the version requested.
	 * @param version {@code "X.Y"}
	 * @return this
	 * @throws IllegalArgumentException oslo's "Version must contain a major and minor
	 * integer"
	 */
	public Prepare version(@Nullable String version) {
		this.target = this.target.withVersion(version);
		return this;
	}

	public Prepare timeout(Duration timeout) {
		this.options = this.options.withTimeout(timeout);
		return this;
	}

	public Prepare callMonitorTimeout(@Nullable Duration callMonitorTimeout) {
		this.options = this.options.withCallMonitorTimeout(callMonitorTimeout);
		return this;
	}

	public Prepare versionCap(@Nullable String versionCap) {
		this.options = this.options.withVersionCap(versionCap);
		return this;
	}

	/**
	 * Sets how many times a send whose connection was lost is published again (oslo's
	 * {@code prepare(retry=...)}).
	 * @param retry {@code 0} never, {@code N} at most N times, {@code -1} until the
	 * message goes through (a call never past its timeout)
	 * @return this
	 * @see ClientOptions#retry()
	 */
	public Prepare retry(int retry) {
		this.options = this.options.withRetry(retry);
		return this;
	}

	Target target() {
		return this.target;
	}

	ClientOptions options() {
		return this.options;
	}

}
