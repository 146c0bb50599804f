package io.oslo4j.rpc.security;

/**
 * An exception class with a side effect on initialization, named by remote failures: it
 * is not on the allow-list, so it must never be initialized.
 */
public class SentinelException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	static {
		Sentinels.INITIALIZED.add("SentinelException");
	}

	public SentinelException(String message) {
		super(message);
		Sentinels.INITIALIZED.add("SentinelException()");
	}

}
