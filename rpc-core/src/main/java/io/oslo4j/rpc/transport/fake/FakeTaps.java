package io.oslo4j.rpc.transport.fake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link FakeTap}s of one broker: the broker's transports show them each message
 * before routing it. A tap that throws is logged and the others still run.
 */
final class FakeTaps {

	private static final Logger logger = LoggerFactory.getLogger(FakeTaps.class);

	private final FakeBroker broker;

	private final List<FakeTap> taps = new CopyOnWriteArrayList<>();

	FakeTaps(FakeBroker broker) {
		this.broker = broker;
	}

	void add(FakeTap tap) {
		this.taps.add(tap);
	}

	void remove(FakeTap tap) {
		this.taps.remove(tap);
	}

	/** Shows a request or cast to the taps. */
	void sent(Target target, byte[] body) {
		for (FakeTap tap : this.taps) {
			try {
				tap.sent(target, body);
			}
			catch (RuntimeException ex) {
				logger.warn("A tap on {} failed on a message to {}", this.broker, target, ex);
			}
		}
	}

	/** Shows a notification to the taps. */
	void notified(Target target, String priority, byte[] body) {
		for (FakeTap tap : this.taps) {
			try {
				tap.notified(target, priority, body);
			}
			catch (RuntimeException ex) {
				logger.warn("A tap on {} failed on a notification to {}", this.broker, target, ex);
			}
		}
	}

}
