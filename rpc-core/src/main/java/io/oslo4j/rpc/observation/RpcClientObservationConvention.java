package io.oslo4j.rpc.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of client observations ({@value RpcObservations#CLIENT}): name, span
 * name and keys. Extend {@link DefaultRpcClientObservationConvention} to add or change
 * keys, and give it to the client's options
 * ({@code ClientOptions.withObservationConvention}); in Spring Boot a bean of this type
 * is picked up.
 */
public interface RpcClientObservationConvention extends ObservationConvention<RpcObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof RpcObservationContext;
	}

}
