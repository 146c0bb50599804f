package io.oslo4j.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GracefulStop#stopAll}: all stop before any is awaited, one shared deadline, and
 * an interrupt releases the rest at once and is kept.
 */
@Timeout(10)
class GracefulStopTest {

	private final List<String> events = new ArrayList<>();

	@Test
	void stopsAllFirstThenAwaitsEachWithinWhatIsLeftOfOneTimeout() {
		List<Recording> all = List.of(new Recording("a", Duration.ofMillis(300)), new Recording("b", Duration.ZERO));
		GracefulStop.stopAll(all, Duration.ofMillis(500));
		assertThat(this.events).containsExactly("stop a", "stop b", "await a", "await b");
		assertThat(all.get(0).given).isBetween(Duration.ofMillis(450), Duration.ofMillis(500));
		assertThat(all.get(1).given).as("what is left after a took 300 ms").isLessThan(Duration.ofMillis(250));
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

	@Test
	void anInterruptReleasesTheRestAtOnceAndIsKept() {
		Recording interrupted = new Recording("a", null);
		Recording rest = new Recording("b", Duration.ZERO);
		try {
			GracefulStop.stopAll(List.of(interrupted, rest), Duration.ofSeconds(5));
			assertThat(rest.given).isEqualTo(Duration.ZERO);
			assertThat(this.events).containsExactly("stop a", "stop b", "await a", "await b");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	private final class Recording implements GracefulStop {

		private final String name;

		private final Duration takes;

		private Duration given = Duration.ofDays(1);

		Recording(String name, Duration takes) {
			this.name = name;
			this.takes = takes;
		}

		@Override
		public void stop() {
			GracefulStopTest.this.events.add("stop " + this.name);
		}

		@Override
		public boolean await(Duration timeout) throws InterruptedException {
			GracefulStopTest.this.events.add("await " + this.name);
			this.given = timeout;
			if (this.takes == null) {
				throw new InterruptedException();
			}
			Thread.sleep(this.takes.toMillis());
			return true;
		}

		@Override
		public void close() {
			GracefulStop.close(this, Duration.ofSeconds(1));
		}

	}

}
