package io.oslo4j.rpc.observation;

import io.micrometer.common.KeyValues;

/**
 * The default convention of server observations: named {@value RpcObservations#SERVER},
 * spans named {@code <topic>/<method>}, low-cardinality keys {@code rpc.topic},
 * {@code rpc.method}, {@code rpc.kind} and {@code outcome}. Extend it to add keys.
 */
public class DefaultRpcServerObservationConvention implements RpcServerObservationConvention {

	@Override
	public String getName() {
		return RpcObservations.SERVER;
	}

	@Override
	public String getContextualName(RpcServerObservationContext context) {
		return context.topic() + "/" + context.method();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RpcServerObservationContext context) {
		return context.request().lowCardinalityKeyValues();
	}

}
