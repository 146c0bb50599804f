package io.oslo4j.rpc.boot.health;

import java.util.List;

import org.springframework.boot.health.contributor.Health;

/**
 * The status rule both oslo4j indicators share: DOWN when the transport is not connected,
 * DOWN when some consumers (RPC servers, notification listeners) do not consume all their
 * queues, UP otherwise; a DOWN status carries a {@code reason}.
 */
final class ConsumingStatus {

	private ConsumingStatus() {
	}

	/**
	 * Sets the status and, when DOWN, the reason.
	 * @param builder the health being built
	 * @param connected whether the transport is connected
	 * @param consumers what the consumers are, for the reason (e.g. {@code RPC servers})
	 * @param notConsuming those that do not consume all their queues
	 */
	static void apply(Health.Builder builder, boolean connected, String consumers, List<String> notConsuming) {
		if (!connected) {
			builder.down().withDetail("reason", "not connected to the broker");
		}
		else if (!notConsuming.isEmpty()) {
			builder.down().withDetail("reason", consumers + " not consuming: " + notConsuming);
		}
		else {
			builder.up();
		}
	}

}
