package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.convert.DurationUnit;

/**
 * How servers and notification listeners that cannot start are retried in the background
 * with {@code rpc.fail-fast=false}, {@code rpc.start-retry.*}: the first retry after
 * {@code initial-interval}, each next one {@code multiplier} times later, never more than
 * {@code max-interval} apart, until it starts or the application stops.
 */
public class RpcStartRetryProperties {

	/**
	 * Time before the first retry. A number without unit is seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration initialInterval = Duration.ofSeconds(1);

	/**
	 * Factor applied to the interval after each failed retry.
	 */
	private double multiplier = 2.0;

	/**
	 * Longest time between two retries. A number without unit is seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration maxInterval = Duration.ofSeconds(30);

	public Duration getInitialInterval() {
		return this.initialInterval;
	}

	public void setInitialInterval(Duration initialInterval) {
		this.initialInterval = initialInterval;
	}

	public double getMultiplier() {
		return this.multiplier;
	}

	public void setMultiplier(double multiplier) {
		this.multiplier = multiplier;
	}

	public Duration getMaxInterval() {
		return this.maxInterval;
	}

	public void setMaxInterval(Duration maxInterval) {
		this.maxInterval = maxInterval;
	}

	/**
	 * Returns the interval after one of {@code previous}.
	 * @param previous the last interval
	 * @return the next interval
	 */
	Duration next(Duration previous) {
		long next = (long) Math.min(this.maxInterval.toMillis(), previous.toMillis() * this.multiplier);
		return Duration.ofMillis(Math.max(next, 1));
	}

}
