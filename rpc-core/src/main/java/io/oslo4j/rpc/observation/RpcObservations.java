package io.oslo4j.rpc.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Names, tags and outcomes of oslo4j's observations. Timers: {@code rpc.client.requests}
 * and {@code rpc.server.requests}, tagged {@code rpc.topic}, {@code rpc.method},
 * {@code rpc.kind} and {@code outcome}.
 */
public final class RpcObservations {

	/** Name of client observations. */
	public static final String CLIENT = "rpc.client.requests";

	/** Name of server observations. */
	public static final String SERVER = "rpc.server.requests";

	/** The default client convention. */
	public static final ObservationConvention<RpcObservationContext> CLIENT_CONVENTION = new ObservationConvention<>() {

		@Override
		public String getName() {
			return CLIENT;
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(RpcObservationContext context) {
			return KeyValues.of("rpc.topic", context.topic(), "rpc.method", context.method(), "rpc.kind",
					context.kind().tag(), "outcome", context.outcome());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof RpcObservationContext;
		}

	};

	/** The default server convention. */
	public static final ObservationConvention<RpcServerObservationContext> SERVER_CONVENTION = new ObservationConvention<>() {

		@Override
		public String getName() {
			return SERVER;
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(RpcServerObservationContext context) {
			return KeyValues.of("rpc.topic", context.topic(), "rpc.method", context.method(), "rpc.kind",
					context.kind().tag(), "outcome", context.outcome());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof RpcServerObservationContext;
		}

	};

	private RpcObservations() {
	}

	/**
	 * Returns the outcome tag of a failure: {@code success} for none, {@code timeout},
	 * {@code remote_error} for any exception raised by the remote endpoint, or
	 * {@code error}.
	 * @param error the failure, or {@code null}
	 * @return the outcome
	 */
	public static String outcome(@Nullable Throwable error) {
		if (error == null) {
			return "success";
		}
		if (error instanceof RpcTimeoutException) {
			return "timeout";
		}
		if (error instanceof RemoteRpcException) {
			return "remote_error";
		}
		return "error";
	}

}
