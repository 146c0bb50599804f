package io.oslo4j.rpc.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of server observations ({@value RpcObservations#SERVER}): name, span
 * name and keys. Extend {@link DefaultRpcServerObservationConvention} to add or change
 * keys, and give it to the server's options
 * ({@code RpcServerOptions.withObservationConvention}); in Spring Boot a bean of this
 * type is picked up.
 */
public interface RpcServerObservationConvention extends ObservationConvention<RpcServerObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof RpcServerObservationContext;
	}

}
