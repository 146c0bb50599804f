package io.oslo4j.rpc.rabbit;

import java.time.Clock;
import java.util.Date;
import java.util.Map;

/**
 * Where a server's consumer of the shared fanout stream ({@code rabbit_stream_fanout})
 * starts reading: the {@code x-stream-offset} consumer argument.
 * <ul>
 * <li>On first start, {@code "next"}: only fanout casts published from now on. (oslo
 * starts at {@code "last"}, which replays the last chunk of the stream: a new server
 * would run a fanout cast sent before it existed.)</li>
 * <li>When restarted before its first delivery, the time of the first start less
 * {@value #RESTART_MARGIN_SECONDS} seconds (a timestamp offset, which RabbitMQ resolves
 * to the first chunk written since): the fanout casts sent while the consumer was away
 * are not missed. The margin covers the second-wide precision of AMQP timestamps and
 * small clock differences with the broker; casts sent within it before the first start
 * may run too.</li>
 * <li>After a delivery, the offset after it (the delivery's {@code x-stream-offset}
 * header + 1), so that a consumer restarted after a lost connection or a broker restart
 * resumes exactly where it stopped: no gap, no duplicate (as oslo 14.8+).</li>
 * <li>When the stream had to be declared again (it was deleted), {@code "first"}: every
 * message of the new stream was published after this consumer lost the old one. (oslo
 * resets to {@code "last"} on {@code basic.cancel}.)</li>
 * </ul>
 * Read on the consumer thread of every delivery and when a consumer is (re)started.
 */
final class StreamOffset {

	/** The delivery header RabbitMQ sets on messages read from a stream. */
	static final String HEADER = "x-stream-offset";

	private static final long NEXT = -1;

	private static final long FIRST = -2;

	/** How far before its first start a consumer restarted without a delivery reads. */
	static final long RESTART_MARGIN_SECONDS = 2;

	private final Clock clock;

	private volatile long next = NEXT;

	private volatile long firstStartMillis = -1;

	private volatile boolean started;

	StreamOffset() {
		this(Clock.systemUTC());
	}

	StreamOffset(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Records a delivery's offset from its headers; the consumer resumes after it. A
	 * delivery without the header, or with a value that is not an offset, changes
	 * nothing.
	 * @param headers the delivery's headers
	 */
	void delivered(Map<String, Object> headers) {
		// offsets are 0 or more; a header that is no offset (a forged message, a value
		// with no successor) leaves the position alone
		if (headers.get(HEADER) instanceof Number offset && (offset instanceof Long || offset instanceof Integer)
				&& offset.longValue() >= 0 && offset.longValue() < Long.MAX_VALUE) {
			this.next = offset.longValue() + 1;
		}
	}

	/**
	 * Starts again from the beginning of a stream that was just declared anew.
	 * @return whether a consumer had read the stream before: it was deleted under it
	 */
	boolean streamRecreated() {
		this.next = FIRST;
		return this.started;
	}

	/**
	 * Returns the consumer arguments for the next {@code basic.consume}, called each time
	 * the consumer (re)starts.
	 * @return {@code {x-stream-offset: "next" | "first" | <offset> | <timestamp>}}
	 */
	Map<String, Object> consumerArguments() {
		this.started = true;
		long offset = this.next;
		if (offset == NEXT) {
			long first = this.firstStartMillis;
			if (first < 0) {
				this.firstStartMillis = this.clock.millis();
				return Map.of(HEADER, "next");
			}
			return Map.of(HEADER, new Date(first - RESTART_MARGIN_SECONDS * 1000));
		}
		return Map.of(HEADER, (offset == FIRST) ? "first" : (Object) offset);
	}

	@Override
	public String toString() {
		long offset = this.next;
		return (offset == NEXT) ? ((this.firstStartMillis < 0) ? "next" : "first start")
				: (offset == FIRST) ? "first" : String.valueOf(offset);
	}

}
