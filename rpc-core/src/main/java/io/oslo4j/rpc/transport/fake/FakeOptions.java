package io.oslo4j.rpc.transport.fake;

import java.time.Duration;

import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.MessageSizeLimit;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;

/**
 * Reads the options the fake transport honours, URL query first, then settings, as oslo's
 * {@code ConfigOptsProxy} does.
 */
final class FakeOptions {

	/** oslo's default {@code kombu_missing_consumer_retry_timeout}: 60 s. */
	static final Duration DEFAULT_REPLY_RETRY_TIMEOUT = Duration.ofSeconds(60);

	private FakeOptions() {
	}

	/**
	 * Returns {@code kombu_missing_consumer_retry_timeout}, in seconds (fractions
	 * allowed).
	 * @throws InvalidTransportUrlException when the value is not a number of seconds
	 */
	static Duration replyRetryTimeout(TransportUrl url, TransportSettings settings) {
		String name = FakeTransport.REPLY_RETRY_TIMEOUT_OPTION;
		String value = value(url, settings, name);
		if (value == null) {
			return DEFAULT_REPLY_RETRY_TIMEOUT;
		}
		try {
			double seconds = Double.parseDouble(value.strip());
			if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
				throw new NumberFormatException(value);
			}
			return Duration.ofNanos((long) (seconds * 1_000_000_000L));
		}
		catch (NumberFormatException ex) {
			throw new InvalidTransportUrlException(url.toString(),
					"option " + name + " must be a number of seconds, got '" + value + "'");
		}
	}

	/**
	 * Returns {@code max_message_size}, in bytes (0: no limit).
	 * @throws InvalidTransportUrlException when the value is not a non-negative integer
	 */
	static long maxMessageSize(TransportUrl url, TransportSettings settings) {
		String value = value(url, settings, MessageSizeLimit.OPTION);
		if (value == null) {
			return MessageSizeLimit.DEFAULT;
		}
		try {
			long bytes = Long.parseLong(value.strip());
			if (bytes < 0) {
				throw new NumberFormatException(value);
			}
			return bytes;
		}
		catch (NumberFormatException ex) {
			throw new InvalidTransportUrlException(url.toString(), "option " + MessageSizeLimit.OPTION
					+ " must be a number of bytes (0 for no limit), got '" + value + "'");
		}
	}

	private static @Nullable String value(TransportUrl url, TransportSettings settings, String name) {
		String value = url.option(name);
		return (value != null) ? value : settings.options().get(name);
	}

}
