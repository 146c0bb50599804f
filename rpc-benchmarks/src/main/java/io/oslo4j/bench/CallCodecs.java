package io.oslo4j.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;

import io.oslo4j.rpc.wire.MessageIds;
import io.oslo4j.rpc.wire.ReplyMessage;
import io.oslo4j.rpc.wire.RequestMessage;
import io.oslo4j.rpc.wire.WireCodec;
import org.jspecify.annotations.Nullable;

/**
 * The four codecs of one benchmark call: encoding and decoding the request the call
 * scenarios send (the same arguments, an empty context, fresh ids) and its reply (the
 * echo of the data). {@link CodecBenchmark} times each; {@link CodecComparison} runs them
 * together, once per build, and so calls them only through {@link LongUnaryOperator} and
 * the public constructor, which a class loader of another build can reach.
 */
public final class CallCodecs implements LongUnaryOperator {

	final WireCodec codec = WireCodec.defaultCodec();

	final RequestMessage request;

	final byte[] requestBody;

	final ReplyMessage reply;

	final byte[] replyBody;

	/**
	 * Prepares the messages of a call.
	 * @param payload the name of a {@link Payload} ({@code SMALL} or {@code LARGE})
	 */
	public CallCodecs(String payload) {
		Map<String, @Nullable Object> context = new LinkedHashMap<>();
		Map<String, Object> args = Payload.valueOf(payload).args();
		this.request = RequestMessage.call("echo", args, null, null, MessageIds.next(), "reply_" + MessageIds.next(),
				null, context);
		this.requestBody = this.codec.encodeRequest(this.request);
		this.reply = ReplyMessage.result(MessageIds.next(), args.get("data"));
		this.replyBody = this.codec.encodeReply(this.reply);
	}

	/**
	 * Runs the four codecs a number of times.
	 * @param times how many calls' codecs to run
	 * @return a value made of the results, for the caller to keep (so that no work is
	 * left out by the compiler)
	 */
	@Override
	public long applyAsLong(long times) {
		long sink = 0;
		for (long i = 0; i < times; i++) {
			sink += this.codec.encodeRequest(this.request).length;
			sink += System.identityHashCode(this.codec.decodeRequest(this.requestBody));
			sink += this.codec.encodeReply(this.reply).length;
			sink += System.identityHashCode(this.codec.decodeReply(this.replyBody));
		}
		return sink;
	}

}
