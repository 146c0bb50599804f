package io.oslo4j.rpc;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An exception raised by the remote endpoint, carried back as data (oslo's
 * {@code RemoteError}). Nothing named by the message is ever instantiated: the remote
 * class and module are plain strings. Failures whose module and class are in the client's
 * allow-list are turned into typed exceptions instead (see
 * {@code io.oslo4j.rpc.client.RemoteExceptionMapper}).
 */
public class RemoteRpcException extends RpcException {

	private static final long serialVersionUID = 1L;

	private final String remoteClass;

	private final @Nullable String remoteModule;

	private final String remoteMessage;

	private final List<String> remoteTraceback;

	private final transient List<@Nullable Object> remoteArgs;

	private final transient Map<String, @Nullable Object> remoteKwargs;

	public RemoteRpcException(String remoteClass, @Nullable String remoteModule, String remoteMessage,
			List<String> remoteTraceback, List<@Nullable Object> remoteArgs,
			Map<String, @Nullable Object> remoteKwargs) {
		super("Remote error: " + remoteClass + " " + remoteMessage);
		this.remoteClass = remoteClass;
		this.remoteModule = remoteModule;
		this.remoteMessage = remoteMessage;
		this.remoteTraceback = List.copyOf(remoteTraceback);
		this.remoteArgs = remoteArgs;
		this.remoteKwargs = remoteKwargs;
	}

	/**
	 * Returns the remote exception's class name, e.g. {@code ValueError} or
	 * {@code IllegalArgumentException}.
	 * @return the class name
	 */
	public String remoteClass() {
		return this.remoteClass;
	}

	/**
	 * Returns the remote exception's module: a Python module such as {@code builtins} or
	 * a Java package name; {@code null} when the failure named none.
	 * @return the module or {@code null}
	 */
	public @Nullable String remoteModule() {
		return this.remoteModule;
	}

	/**
	 * Returns the remote exception's message ({@code str(exc)} in Python).
	 * @return the message
	 */
	public String remoteMessage() {
		return this.remoteMessage;
	}

	/**
	 * Returns the remote traceback lines, each ending in a newline.
	 * @return the traceback lines
	 */
	public List<String> remoteTraceback() {
		return this.remoteTraceback;
	}

	/**
	 * Returns the remote exception's constructor arguments ({@code exc.args}).
	 * @return the arguments
	 */
	public List<@Nullable Object> remoteArgs() {
		return this.remoteArgs;
	}

	/**
	 * Returns the remote exception's keyword arguments ({@code exc.kwargs}).
	 * @return the keyword arguments
	 */
	public Map<String, @Nullable Object> remoteKwargs() {
		return this.remoteKwargs;
	}

}
