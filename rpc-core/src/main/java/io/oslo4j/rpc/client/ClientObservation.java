package io.oslo4j.rpc.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.observation.RpcClientObservationConvention;
import io.oslo4j.rpc.observation.RpcKind;
import io.oslo4j.rpc.observation.RpcObservationContext;
import io.oslo4j.rpc.observation.RpcObservations;
import org.jspecify.annotations.Nullable;

/**
 * The observation of one client request. With a no-op registry it costs nothing: no
 * context, no copy of the context entries.
 */
final class ClientObservation {

	private static final ClientObservation EMPTY = new ClientObservation(null, null, Map.of());

	private final @Nullable Observation observation;

	private final @Nullable RpcObservationContext context;

	private final Map<String, @Nullable Object> contextEntries;

	private ClientObservation(@Nullable Observation observation, @Nullable RpcObservationContext context,
			Map<String, @Nullable Object> contextEntries) {
		this.observation = observation;
		this.context = context;
		this.contextEntries = contextEntries;
	}

	static ClientObservation start(ObservationRegistry registry, @Nullable RpcClientObservationConvention convention,
			Target target, String method, RpcKind kind, Map<String, @Nullable Object> contextEntries) {
		if (registry.isNoop()) {
			return (contextEntries.isEmpty()) ? EMPTY : new ClientObservation(null, null, contextEntries);
		}
		Map<String, @Nullable Object> carrier = new LinkedHashMap<>(contextEntries);
		RpcObservationContext context = new RpcObservationContext(Objects.toString(target.topic(), ""), method, kind,
				carrier);
		Observation observation = Observation
			.createNotStarted(convention, RpcObservations.CLIENT_CONVENTION, () -> context, registry)
			.start();
		return new ClientObservation(observation, context, carrier);
	}

	/**
	 * Returns the context entries to send: the caller's, plus any tracing headers.
	 */
	Map<String, @Nullable Object> contextEntries() {
		return this.contextEntries;
	}

	boolean isActive() {
		return this.observation != null;
	}

	void stop(@Nullable Throwable error) {
		Observation current = this.observation;
		if (current == null || this.context == null) {
			return;
		}
		this.context.setOutcome(RpcObservations.outcome(error));
		if (error != null) {
			current.error(error);
		}
		current.stop();
	}

}
