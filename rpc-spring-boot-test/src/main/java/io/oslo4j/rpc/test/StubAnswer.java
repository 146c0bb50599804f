package io.oslo4j.rpc.test;

import java.util.function.Function;

import io.oslo4j.rpc.wire.FailureRecord;
import org.jspecify.annotations.Nullable;

/**
 * How a stubbed method answers a call.
 */
sealed interface StubAnswer {

	/** Replies with the function's result. */
	record Result(Function<RecordedRequest, @Nullable Object> function) implements StubAnswer {
	}

	/** Replies with a remote failure. */
	record Failure(FailureRecord failure) implements StubAnswer {
	}

	/** Never replies: the caller times out. */
	record Silence() implements StubAnswer {
	}

}
