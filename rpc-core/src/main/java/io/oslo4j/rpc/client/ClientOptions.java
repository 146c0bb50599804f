package io.oslo4j.rpc.client;

import java.time.Duration;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.oslo4j.rpc.RpcVersion;
import io.oslo4j.rpc.observation.RpcClientObservationConvention;
import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.wire.WireCodec;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link RpcTemplate} calls.
 *
 * @param timeout how long a call waits for its reply (oslo's
 * {@code rpc_response_timeout}, 60 s); also the request's AMQP expiration
 * @param callMonitorTimeout how long a call waits between heartbeats, or {@code null} for
 * no call monitor; sent as {@code _timeout}
 * @param versionCap the highest version this client may send, or {@code null}
 * @param serializer converts arguments and results
 * @param codec encodes and decodes messages
 * @param exceptions turns remote failures into exceptions
 * @param observations where {@code rpc.client.requests} observations go (a no-op registry
 * by default)
 * @param interceptors what sees each message before it is sent, in order (none by
 * default)
 * @param observationConvention the convention of those observations, or {@code null} for
 * {@link io.oslo4j.rpc.observation.RpcObservations#CLIENT_CONVENTION} (or a global one
 * registered with the registry)
 * @param retry how many times a request or cast whose connection was lost before the
 * broker confirmed it ({@link io.oslo4j.rpc.RpcConnectionLostException}) is published
 * again on a new connection (oslo's {@code retry}): {@code 0} never (the default: the
 * send fails at once), {@code N} at most N times, {@code -1} until it goes through; a
 * call never past its timeout. The same message goes out again, with the same
 * {@code _unique_id}, so a server that got the first drops the second as a duplicate
 */
public record ClientOptions(Duration timeout, @Nullable Duration callMonitorTimeout, @Nullable String versionCap,
		Serializer serializer, WireCodec codec, RemoteExceptionMapper exceptions, ObservationRegistry observations,
		List<RpcClientInterceptor> interceptors, @Nullable RpcClientObservationConvention observationConvention,
		int retry) {

	/** oslo's default call timeout. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

	public ClientOptions {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive, was " + timeout);
		}
		if (callMonitorTimeout != null && (callMonitorTimeout.isNegative() || callMonitorTimeout.isZero())) {
			throw new IllegalArgumentException("callMonitorTimeout must be positive, was " + callMonitorTimeout);
		}
		if (versionCap != null) {
			RpcVersion.parse(versionCap);
		}
		if (retry < -1) {
			throw new IllegalArgumentException(
					"retry must be -1 (until the message goes through), 0 (never) or a count of times, was " + retry);
		}
		interceptors = List.copyOf(interceptors);
	}

	/**
	 * Returns oslo's defaults: 60 s timeout, no call monitor, no version cap, Jackson, no
	 * allowed remote exceptions; and no retry of a send whose connection was lost (oslo's
	 * client retries forever by default, blocking its caller).
	 * @return the defaults
	 */
	public static ClientOptions defaults() {
		return new ClientOptions(DEFAULT_TIMEOUT, null, null, JacksonSerializer.defaultSerializer(),
				WireCodec.defaultCodec(), RemoteExceptionMapper.none(), ObservationRegistry.NOOP, List.of(), null, 0);
	}

	public ClientOptions withTimeout(Duration timeout) {
		return new ClientOptions(timeout, this.callMonitorTimeout, this.versionCap, this.serializer, this.codec,
				this.exceptions, this.observations, this.interceptors, this.observationConvention, this.retry);
	}

	public ClientOptions withCallMonitorTimeout(@Nullable Duration callMonitorTimeout) {
		return new ClientOptions(this.timeout, callMonitorTimeout, this.versionCap, this.serializer, this.codec,
				this.exceptions, this.observations, this.interceptors, this.observationConvention, this.retry);
	}

	public ClientOptions withVersionCap(@Nullable String versionCap) {
		return new ClientOptions(this.timeout, this.callMonitorTimeout, versionCap, this.serializer, this.codec,
				this.exceptions, this.observations, this.interceptors, this.observationConvention, this.retry);
	}

	public ClientOptions withSerializer(Serializer serializer, WireCodec codec) {
		return new ClientOptions(this.timeout, this.callMonitorTimeout, this.versionCap, serializer, codec,
				this.exceptions, this.observations, this.interceptors, this.observationConvention, this.retry);
	}

	public ClientOptions withExceptions(RemoteExceptionMapper exceptions) {
		return new ClientOptions(this.timeout, this.callMonitorTimeout, this.versionCap, this.serializer, this.codec,
				exceptions, this.observations, this.interceptors, this.observationConvention, this.retry);
	}

	public ClientOptions withObservations(ObservationRegistry observations) {
		return new ClientOptions(this.timeout, this.callMonitorTimeout, this.versionCap, this.serializer, this.codec,
				this.exceptions, observations, this.interceptors, this.observationConvention, this.retry);
	}

	/**
	 * Returns these options with the given interceptors, replacing any before.
	 * @param interceptors the interceptors, in the order they run
	 * @return the options
	 */
	public ClientOptions withInterceptors(List<RpcClientInterceptor> interceptors) {
		return new ClientOptions(this.timeout, this.callMonitorTimeout, this.versionCap, this.serializer, this.codec,
				this.exceptions, this.observations, interceptors, this.observationConvention, this.retry);
	}

	/**
	 * Returns these options with another convention for the client observations.
	 * @param observationConvention the convention, or {@code null} for the default
	 * @return the options
	 */
	public ClientOptions withObservationConvention(@Nullable RpcClientObservationConvention observationConvention) {
		return new ClientOptions(this.timeout, this.callMonitorTimeout, this.versionCap, this.serializer, this.codec,
				this.exceptions, this.observations, this.interceptors, observationConvention, this.retry);
	}

	/**
	 * Returns these options with another retry of sends whose connection was lost.
	 * @param retry {@code 0} never, {@code N} at most N times, {@code -1} until the
	 * message goes through (a call never past its timeout)
	 * @return the options
	 * @throws IllegalArgumentException when below -1
	 */
	public ClientOptions withRetry(int retry) {
		return new ClientOptions(this.timeout, this.callMonitorTimeout, this.versionCap, this.serializer, this.codec,
				this.exceptions, this.observations, this.interceptors, this.observationConvention, retry);
	}

}
