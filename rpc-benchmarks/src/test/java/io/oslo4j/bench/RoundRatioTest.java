package io.oslo4j.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link RoundRatio}: ratios taken round by round, their median and interquartile range,
 * and a verdict that the spread must allow.
 */
class RoundRatioTest {

	private static Measurement throughput(double value) {
		return new Measurement(value, 1, 2, 3, 10, null);
	}

	@Test
	void theRatioIsTheMedianOfThePerRoundRatiosNotTheRatioOfTheMedians() {
		// the machine got four times slower after round 2: each round still compares like
		// with like
		List<Measurement> system = List.of(throughput(900), throughput(950), throughput(240), throughput(230),
				throughput(250));
		List<Measurement> reference = List.of(throughput(1000), throughput(1000), throughput(250), throughput(250),
				throughput(250));
		RoundRatio ratio = RoundRatio.of(system, reference, Measurement::throughput);
		assertThat(ratio).isNotNull();
		assertThat(ratio.rounds()).isEqualTo(5);
		assertThat(ratio.median()).isCloseTo(0.95, within(1e-9));
		assertThat(ratio.low()).isCloseTo(0.92, within(1e-9));
		assertThat(ratio.high()).isCloseTo(0.96, within(1e-9));
		// the medians alone (250 vs 250) would say 1.00
		assertThat(ratio.toString()).isEqualTo("0.95× [0.92–0.96]");
	}

	@Test
	void roundsThatMeasuredOnlyOneSystemAreLeftOut() {
		List<Measurement> system = List.of(throughput(100), Measurement.na("failed"), throughput(300));
		List<Measurement> reference = List.of(throughput(100), throughput(100), throughput(100));
		RoundRatio ratio = RoundRatio.of(system, reference, Measurement::throughput);
		assertThat(ratio).isNotNull();
		assertThat(ratio.rounds()).isEqualTo(2);
		assertThat(ratio.median()).isCloseTo(2.0, within(1e-9));
		assertThat(RoundRatio.of(List.of(Measurement.na("x")), reference, Measurement::throughput)).isNull();
	}

	@Test
	void aTargetPassesOnlyWhenTheWholeSpreadMeetsIt() {
		assertThat(new RoundRatio(1.1, 1.0, 1.2, 5).verdict(0.9, true)).isEqualTo("PASS");
		assertThat(new RoundRatio(0.95, 0.85, 1.0, 5).verdict(0.9, true)).isEqualTo("WITHIN SPREAD");
		assertThat(new RoundRatio(0.8, 0.7, 0.95, 5).verdict(0.9, true)).isEqualTo("MISS");
		// at most: latencies
		assertThat(new RoundRatio(1.1, 1.0, 1.2, 5).verdict(1.25, false)).isEqualTo("PASS");
		assertThat(new RoundRatio(1.2, 1.1, 1.3, 5).verdict(1.25, false)).isEqualTo("WITHIN SPREAD");
		assertThat(new RoundRatio(1.3, 1.2, 1.4, 5).verdict(1.25, false)).isEqualTo("MISS");
	}

}
