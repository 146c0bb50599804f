package io.oslo4j.rpc.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The failure behind a failed {@link CompletableFuture}, such as the ones
 * {@link Transport#sendAsync} and {@link Transport#replyAsync} return: the stages that
 * depend on a failed future, and {@link CompletableFuture#join()}, report its failure
 * wrapped in a {@link CompletionException}; callers want the failure itself, to rethrow
 * or log it.
 */
public final class Completions {

	private Completions() {
	}

	/**
	 * Returns the failure a {@link CompletionException} wraps, or the given failure when
	 * it wraps none or is not one.
	 * @param failure how a future completed
	 * @return the failure to rethrow or log
	 */
	public static Throwable cause(Throwable failure) {
		Throwable cause = failure.getCause();
		return (failure instanceof CompletionException && cause != null) ? cause : failure;
	}

}
