package io.oslo4j.rpc.observation;

import io.micrometer.common.KeyValues;

/**
 * The default convention of client observations: named {@value RpcObservations#CLIENT},
 * spans named {@code <topic>/<method>}, low-cardinality keys {@code rpc.topic},
 * {@code rpc.method}, {@code rpc.kind} and {@code outcome}. Extend it to add keys:
 *
 * <pre class="code">
 * class TenantConvention extends DefaultRpcClientObservationConvention {
 *     &#64;Override
 *     public KeyValues getLowCardinalityKeyValues(RpcObservationContext context) {
 *         return super.getLowCardinalityKeyValues(context).and("region", "east");
 *     }
 * }
 * </pre>
 */
public class DefaultRpcClientObservationConvention implements RpcClientObservationConvention {

	@Override
	public String getName() {
		return RpcObservations.CLIENT;
	}

	@Override
	public String getContextualName(RpcObservationContext context) {
		return context.topic() + "/" + context.method();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RpcObservationContext context) {
		return context.request().lowCardinalityKeyValues();
	}

}
