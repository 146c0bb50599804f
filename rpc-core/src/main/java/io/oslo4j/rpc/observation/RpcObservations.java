package io.oslo4j.rpc.observation;

import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Names, tags and outcomes of oslo4j's observations. Timers: {@code rpc.client.requests}
 * and {@code rpc.server.requests}, tagged {@code rpc.topic}, {@code rpc.method},
 * {@code rpc.kind} and {@code outcome}; spans named {@code <topic>/<method>}.
 * <p>
 * Trace context travels in the request context: the client observation's propagator (W3C
 * by default with Micrometer Tracing) adds {@code traceparent} (and {@code tracestate},
 * {@code baggage} when present) to the context entries, sent as
 * {@code _context_traceparent}; the server reads them back, so one trace spans client and
 * server. oslo.messaging peers pass unknown context keys through untouched
 * ({@code RequestContext.from_dict} ignores them).
 */
public final class RpcObservations {

	/** Name of client observations. */
	public static final String CLIENT = "rpc.client.requests";

	/** Name of server observations. */
	public static final String SERVER = "rpc.server.requests";

	/** The default client convention. */
	public static final RpcClientObservationConvention CLIENT_CONVENTION = new DefaultRpcClientObservationConvention();

	/** The default server convention. */
	public static final RpcServerObservationConvention SERVER_CONVENTION = new DefaultRpcServerObservationConvention();

	private RpcObservations() {
	}

	/**
	 * Returns the outcome tag of a failure: {@code success} for none, {@code timeout},
	 * {@code remote_error} for any exception raised by the remote endpoint (a
	 * {@link RemoteRpcException}, or an allow-listed exception caused by one), or
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
		if (error instanceof RemoteRpcException || error.getCause() instanceof RemoteRpcException) {
			return "remote_error";
		}
		return "error";
	}

}
