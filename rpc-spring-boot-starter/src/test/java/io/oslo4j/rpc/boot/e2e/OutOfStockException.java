package io.oslo4j.rpc.boot.e2e;

/**
 * Raised by {@link InventoryEndpoint#take(String)}; allow-listed in the client context
 * ({@code rpc.allowed-remote-exceptions}), so it is rethrown as itself.
 */
public class OutOfStockException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public OutOfStockException(String message) {
		super(message);
	}

}
