package io.oslo4j.rpc.rabbit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a stream consumer reads from when it starts, after deliveries, when restarted
 * before its first delivery, and when the stream was declared anew.
 */
class StreamOffsetTest {

	private static final Instant START = Instant.parse("2026-12-02T09:00:00.500Z");

	private final StreamOffset offset = new StreamOffset(Clock.fixed(START, ZoneOffset.UTC));

	@Test
	void aNewConsumerReadsOnlyWhatIsPublishedFromNowOn() {
		assertThat(this.offset.consumerArguments()).isEqualTo(Map.of("x-stream-offset", "next"));
	}

	@Test
	void aConsumerRestartedBeforeItsFirstDeliveryReadsFromShortlyBeforeItsFirstStart() {
		this.offset.consumerArguments();
		assertThat(this.offset.consumerArguments())
			.isEqualTo(Map.of("x-stream-offset", Date.from(START.minusSeconds(StreamOffset.RESTART_MARGIN_SECONDS))));
		// and again on a later restart, still without a delivery
		assertThat(this.offset.consumerArguments())
			.isEqualTo(Map.of("x-stream-offset", Date.from(START.minusSeconds(StreamOffset.RESTART_MARGIN_SECONDS))));
	}

	@Test
	void aConsumerRestartedAfterADeliveryResumesRightAfterIt() {
		this.offset.consumerArguments();
		this.offset.delivered(Map.of("x-stream-offset", 41L));
		assertThat(this.offset.consumerArguments()).isEqualTo(Map.of("x-stream-offset", 42L));
	}

	@Test
	void aDeliveryWithoutAnOffsetHeaderLeavesTheOffsetAlone() {
		this.offset.consumerArguments();
		this.offset.delivered(Map.of("x-stream-offset", 7L));
		this.offset.delivered(Map.of());
		this.offset.delivered(Map.of("x-stream-offset", "not a number"));
		this.offset.delivered(Map.of("x-stream-offset", -5L));
		this.offset.delivered(Map.of("x-stream-offset", 1.5e300));
		this.offset.delivered(Map.of("x-stream-offset", Long.MAX_VALUE));
		assertThat(this.offset.consumerArguments()).isEqualTo(Map.of("x-stream-offset", 8L));
	}

	@Test
	void aHugeOffsetIsPassedOnAsItIs() {
		this.offset.delivered(Map.of("x-stream-offset", Long.MAX_VALUE - 1));
		assertThat(this.offset.consumerArguments()).isEqualTo(Map.of("x-stream-offset", Long.MAX_VALUE));
	}

	@Test
	void aStreamDeclaredAnewIsReadFromItsBeginning() {
		this.offset.consumerArguments();
		this.offset.delivered(Map.of("x-stream-offset", 3L));
		assertThat(this.offset.streamRecreated()).as("deleted under its consumer").isTrue();
		assertThat(this.offset.consumerArguments()).isEqualTo(Map.of("x-stream-offset", "first"));
	}

	@Test
	void aStreamDeclaredBeforeItsConsumerFirstStartedWasNotLost() {
		assertThat(this.offset.streamRecreated()).isFalse();
		assertThat(this.offset.consumerArguments()).isEqualTo(Map.of("x-stream-offset", "first"));
		// the stream a consumer read from "first" is deleted under it
		assertThat(this.offset.streamRecreated()).isTrue();
	}

}
