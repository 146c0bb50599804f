package io.oslo4j.rpc.boot.health;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.health.contributor.Health;

/**
 * The status rule both oslo4j indicators share: DOWN when the transport is not connected,
 * DOWN when some consumers (RPC servers, notification listeners) could not start or do
 * not consume all their queues, UP otherwise; a DOWN status carries a {@code reason}
 * that, for a consumer that could not start, is the failure's message (for a declaration
 * the broker refused, it names the option to set).
 */
final class ConsumingStatus {

	private ConsumingStatus() {
	}

	/**
	 * Sets the status and, when DOWN, the reason.
	 * @param builder the health being built
	 * @param connected whether the transport is connected
	 * @param consumers what the consumers are, for the reason (e.g. {@code RPC servers})
	 * @param notConsuming those that do not consume all their queues, for no known reason
	 * @param startFailures why others could not start, one sentence each (e.g.
	 * {@code RPC server T.S could not start: ...})
	 */
	static void apply(Health.Builder builder, boolean connected, String consumers, List<String> notConsuming,
			List<String> startFailures) {
		if (!connected) {
			builder.down().withDetail("reason", "not connected to the broker");
		}
		else if (!notConsuming.isEmpty() || !startFailures.isEmpty()) {
			List<String> reasons = new ArrayList<>(startFailures);
			if (!notConsuming.isEmpty()) {
				reasons.add(consumers + " not consuming: " + notConsuming);
			}
			builder.down().withDetail("reason", String.join("; ", reasons));
		}
		else {
			builder.up();
		}
	}

	/**
	 * Describes a start failure as Spring Boot's {@code error} detail does.
	 * @param failure the failure
	 * @return the class name and message
	 */
	static String error(Throwable failure) {
		return failure.getClass().getName() + ": " + failure.getMessage();
	}

}
