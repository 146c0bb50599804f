package io.oslo4j.rpc.security;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * Receives gadget payloads as untyped and loosely typed parameters and says what Jackson
 * made of them.
 */
public class GadgetEndpoint {

	/** A parameter type with an untyped field. */
	public record Holder(@Nullable Object payload) {
	}

	public @Nullable Object echo(@Nullable Object value) {
		return value;
	}

	public String untyped(Object value) {
		return value.getClass().getName();
	}

	public String serializable(Serializable value) {
		return value.getClass().getName();
	}

	public String holder(Holder holder) {
		return String.valueOf((holder.payload() != null) ? holder.payload().getClass().getName() : null);
	}

	public String runnable(Runnable value) {
		return value.getClass().getName();
	}

}
