package io.oslo4j.rpc.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The default convention of RPC observations, on either side: the observation's name, the
 * span name {@code <topic>/<method>} and the low-cardinality keys of
 * {@link RpcRequestFacts}.
 *
 * @param <C> the context type
 */
public final class RpcRequestObservationConvention<C extends Observation.Context & RpcRequestContext>
		implements ObservationConvention<C> {

	private final String name;

	private final Class<C> contextType;

	/**
	 * Makes a convention.
	 * @param name the observation name
	 * @param contextType the contexts it supports
	 */
	public RpcRequestObservationConvention(String name, Class<C> contextType) {
		this.name = name;
		this.contextType = contextType;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(C context) {
		return context.topic() + "/" + context.method();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(C context) {
		return context.request().lowCardinalityKeyValues();
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return this.contextType.isInstance(context);
	}

}
