package io.oslo4j.rpc.rabbit;

import java.util.Map;

/**
 * Where a server's consumer of the shared fanout stream ({@code rabbit_stream_fanout})
 * starts reading: the {@code x-stream-offset} consumer argument.
 * <ul>
 * <li>On first start, {@code "next"}: only fanout casts published from now on. (oslo
 * starts at {@code "last"}, which replays the last chunk of the stream: a new server
 * would run a fanout cast sent before it existed.)</li>
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

	private volatile long next = NEXT;

	/**
	 * Records a delivery's offset from its headers; the consumer resumes after it.
	 * @param headers the delivery's headers
	 */
	void delivered(Map<String, Object> headers) {
		if (headers.get(HEADER) instanceof Number offset) {
			this.next = offset.longValue() + 1;
		}
	}

	/**
	 * Starts again from the beginning of a stream that was just declared anew.
	 */
	void streamRecreated() {
		this.next = FIRST;
	}

	/**
	 * Returns the consumer arguments for the next {@code basic.consume}.
	 * @return {@code {x-stream-offset: "next" | "first" | <offset>}}
	 */
	Map<String, Object> consumerArguments() {
		long offset = this.next;
		Object value = (offset == NEXT) ? "next" : (offset == FIRST) ? "first" : (Object) offset;
		return Map.of(HEADER, value);
	}

	@Override
	public String toString() {
		return String.valueOf(consumerArguments().get(HEADER));
	}

}
