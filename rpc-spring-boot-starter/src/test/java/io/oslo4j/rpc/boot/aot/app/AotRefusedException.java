package io.oslo4j.rpc.boot.aot.app;

/**
 * An exception type a client allows a Java server to send.
 */
public class AotRefusedException extends RuntimeException {

	public AotRefusedException(String message) {
		super(message);
	}

}
