package io.oslo4j.bench;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * A system driven from this JVM by {@link ScenarioRunner}: a client calling one server
 * ({@code topic.s1}), casting to it, and fanout-casting to three servers.
 */
interface CallSystem extends AutoCloseable {

	/** Returns the system id (see {@link Systems}). */
	String id();

	/** Calls {@code echo(data)} and waits for the reply. */
	void call(Payload payload) throws Exception;

	/** Calls {@code echo(data)} without waiting. */
	CompletableFuture<?> callAsync(Payload payload);

	/** Casts {@code note(data)} and returns once the broker confirmed it. */
	void cast(Payload payload) throws Exception;

	/** Fanout-casts {@code fan(data)} to the three servers. */
	void fanoutCast(Payload payload) throws Exception;

	/** Returns the fanout casts the three servers received so far. */
	long fanoutDeliveries() throws Exception;

	/**
	 * Returns why a scenario cannot run on this system, or {@code null}.
	 * @param scenario the scenario
	 * @return the reason or {@code null}
	 */
	default @Nullable String unsupported(Scenario scenario) {
		return null;
	}

	@Override
	void close();

}
