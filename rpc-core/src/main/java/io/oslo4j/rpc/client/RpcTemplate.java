package io.oslo4j.rpc.client;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcException;
import io.oslo4j.rpc.RpcVersion;
import io.oslo4j.rpc.RpcVersionCapException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.observation.RpcKind;
import io.oslo4j.rpc.transport.Completions;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.MessageIds;
import io.oslo4j.rpc.wire.RequestMessage;
import org.jspecify.annotations.Nullable;

/**
 * An oslo RPC client for one target (oslo's {@code RPCClient}). Immutable and
 * thread-safe; {@link #prepare} returns a copy with overrides.
 * <ul>
 * <li>{@link #call}: sends the request to {@code topic} (or {@code topic.server}) and
 * waits for the reply, raising {@link io.oslo4j.rpc.RpcTimeoutException} after the
 * timeout, or earlier when a call monitor sees no heartbeat; a remote exception is raised
 * as {@link io.oslo4j.rpc.RemoteRpcException} or an allow-listed type.</li>
 * <li>{@link #callAsync}: the same, returning a future.</li>
 * <li>{@link #cast}: one way; returns once the broker has the message. With
 * {@code fanout} it goes to every server of the topic.</li>
 * </ul>
 */
public final class RpcTemplate {

	private final Transport transport;

	private final Target target;

	private final ClientOptions options;

	public RpcTemplate(Transport transport, Target target) {
		this(transport, target, ClientOptions.defaults());
	}

	public RpcTemplate(Transport transport, Target target, ClientOptions options) {
		this.transport = transport;
		this.target = target;
		this.options = options;
	}

	public Target target() {
		return this.target;
	}

	public ClientOptions options() {
		return this.options;
	}

	public Transport transport() {
		return this.transport;
	}

	/**
	 * Returns a copy with overrides, e.g.
	 * {@code client.prepare(p -> p.server("host1").timeout(Duration.ofSeconds(5)))}.
	 * @param overrides sets what differs
	 * @return the prepared client
	 */
	public RpcTemplate prepare(Consumer<Prepare> overrides) {
		Prepare prepare = new Prepare(this.target, this.options);
		overrides.accept(prepare);
		return new RpcTemplate(this.transport, prepare.target(), prepare.options());
	}

	/**
	 * Returns whether a message of this version may be sent under the version cap.
	 * @param version the version
	 * @return whether it can be sent
	 */
	public boolean canSendVersion(@Nullable String version) {
		String cap = this.options.versionCap();
		return cap == null
				|| RpcVersion.isCompatible(RpcVersion.parse(cap), (version != null) ? RpcVersion.parse(version) : null);
	}

	/**
	 * Calls a method and returns its result as received (JSON values).
	 * @param ctx the request context
	 * @param method the method name
	 * @param args the keyword arguments
	 * @return the result
	 */
	public @Nullable Object call(RpcContext ctx, String method, Map<String, ? extends @Nullable Object> args) {
		return call(ctx, method, args, (Type) Object.class);
	}

	/**
	 * Calls a method and waits for its result.
	 * @param <T> the result type
	 * @param ctx the request context
	 * @param method the method name
	 * @param args the keyword arguments
	 * @param resultType the result class
	 * @return the result converted to {@code resultType}
	 * @see #call(RpcContext, String, Map, Type)
	 */
	public <T> T call(RpcContext ctx, String method, Map<String, ? extends @Nullable Object> args,
			Class<T> resultType) {
		return call(ctx, method, args, (Type) resultType);
	}

	/**
	 * Calls a method and waits for its result.
	 * @param <T> the result type
	 * @param ctx the request context
	 * @param method the method name
	 * @param args the keyword arguments
	 * @param resultType the result type (a {@code Class} or a generic {@code Type})
	 * @return the result converted to {@code resultType}
	 * @throws io.oslo4j.rpc.InvalidTargetException when the target has no topic or is
	 * fanout
	 * @throws RpcVersionCapException when the version is above the cap
	 * @throws io.oslo4j.rpc.RpcTimeoutException when no reply came in time
	 * @throws io.oslo4j.rpc.RemoteRpcException when the remote method failed
	 * @throws io.oslo4j.rpc.RpcDeliveryException when the request could not be sent
	 */
	public <T> T call(RpcContext ctx, String method, Map<String, ? extends @Nullable Object> args, Type resultType) {
		ctx = ClientInterceptors.apply(this.options.interceptors(), this.target, method, RpcKind.CALL, ctx);
		CompletableFuture<@Nullable Object> future = send(ctx, method, args);
		Object raw;
		try {
			raw = future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(false);
			throw new RpcException("Interrupted while waiting for the reply to '" + method + "'", ex);
		}
		catch (ExecutionException ex) {
			throw rethrow(ex.getCause());
		}
		return convert(ctx, raw, resultType);
	}

	/**
	 * Calls a method without blocking, not even on the broker's confirm of the request.
	 * The future fails with the exceptions {@link #call(RpcContext, String, Map, Type)}
	 * throws, except that errors found before sending (target, version cap, encoding, a
	 * delivery failure known at once) are thrown at once.
	 * @param <T> the result type
	 * @param ctx the request context
	 * @param method the method name
	 * @param args the keyword arguments
	 * @param resultType the result type
	 * @return the future result
	 */
	public <T> CompletableFuture<T> callAsync(RpcContext ctx, String method,
			Map<String, ? extends @Nullable Object> args, Type resultType) {
		RpcContext sent = ClientInterceptors.apply(this.options.interceptors(), this.target, method, RpcKind.CALL, ctx);
		return send(sent, method, args).thenApply((raw) -> convert(sent, raw, resultType));
	}

	/**
	 * Sends a cast (to every server when the target is fanout) and returns once the
	 * broker has it.
	 * @param ctx the request context
	 * @param method the method name
	 * @param args the keyword arguments
	 * @throws io.oslo4j.rpc.InvalidTargetException when the target has no topic
	 * @throws io.oslo4j.rpc.RpcDeliveryException when the message could not be sent (an
	 * {@link io.oslo4j.rpc.RpcConnectionLostException} once the {@code retry} is used up)
	 */
	public void cast(RpcContext ctx, String method, Map<String, ? extends @Nullable Object> args) {
		this.target.validateForSend();
		checkVersionCap();
		RpcKind kind = this.target.fanout() ? RpcKind.FANOUT : RpcKind.CAST;
		ctx = ClientInterceptors.apply(this.options.interceptors(), this.target, method, kind, ctx);
		ClientObservation observation = ClientObservation.start(this.options.observations(),
				this.options.observationConvention(), this.target, method, kind,
				this.options.serializer().serializeContext(ctx));
		try {
			RequestMessage request = RequestMessage.cast(method, serializeArgs(ctx, args), this.target.namespace(),
					this.target.version(), observation.contextEntries());
			SendRetry.send(this.transport, this.target, this.options.codec().encodeRequest(request),
					this.options.retry());
			observation.stop(null);
		}
		catch (RuntimeException ex) {
			observation.stop(ex);
			throw ex;
		}
	}

	private CompletableFuture<@Nullable Object> send(RpcContext ctx, String method,
			Map<String, ? extends @Nullable Object> args) {
		this.target.validateForCall();
		checkVersionCap();
		ReplyWaiter waiter = ReplyWaiter.of(this.transport);
		String replyQueue = waiter.replyQueue();
		ClientObservation observation = ClientObservation.start(this.options.observations(),
				this.options.observationConvention(), this.target, method, RpcKind.CALL,
				this.options.serializer().serializeContext(ctx));
		PendingCall call;
		try {
			Map<String, @Nullable Object> serializedArgs = serializeArgs(ctx, args);
			String msgId = MessageIds.next();
			Duration monitor = this.options.callMonitorTimeout();
			RequestMessage request = RequestMessage.call(method, serializedArgs, this.target.namespace(),
					this.target.version(), msgId, replyQueue, (monitor != null) ? monitorSeconds(monitor) : null,
					observation.contextEntries());
			byte[] body = this.options.codec().encodeRequest(request);
			Duration timeout = this.options.timeout();
			call = waiter.register(msgId, replyQueue, timeout.toNanos(), (monitor != null) ? monitor.toNanos() : 0,
					this.options.exceptions()::map);
			CompletableFuture<Void> sent;
			try {
				sent = SendRetry.sendAsync(this.transport, this.target, body, timeout, this.options.retry(),
						call.future);
			}
			catch (RuntimeException ex) {
				waiter.cancel(call);
				throw ex;
			}
			failOnDeliveryFailure(waiter, call, sent);
		}
		catch (RuntimeException ex) {
			observation.stop(ex);
			throw ex;
		}
		if (observation.isActive()) {
			call.future.whenComplete((result, error) -> observation.stop(error));
		}
		return call.future;
	}

	/**
	 * Fails the call when its request is refused, at once when that is already known; the
	 * reply may come before the broker's confirm, and is not held back for it.
	 */
	private static void failOnDeliveryFailure(ReplyWaiter waiter, PendingCall call, CompletableFuture<Void> sent) {
		if (sent.isDone()) {
			if (sent.isCompletedExceptionally()) {
				waiter.cancel(call);
				throw rethrow(sent.handle((ignored, error) -> error).join());
			}
			return;
		}
		sent.whenComplete((ignored, error) -> {
			if (error != null) {
				waiter.cancel(call);
				call.future.completeExceptionally(rethrow(error));
			}
		});
	}

	private void checkVersionCap() {
		String cap = this.options.versionCap();
		if (cap != null && !canSendVersion(this.target.version())) {
			throw new RpcVersionCapException(this.target.version(), cap);
		}
	}

	private Map<String, @Nullable Object> serializeArgs(RpcContext ctx, Map<String, ? extends @Nullable Object> args) {
		Map<String, @Nullable Object> result = new LinkedHashMap<>(Math.max(4, args.size() * 2));
		for (Map.Entry<String, ? extends @Nullable Object> entry : args.entrySet()) {
			result.put(entry.getKey(), this.options.serializer().serializeEntity(ctx, entry.getValue()));
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private <T> T convert(RpcContext ctx, @Nullable Object raw, Type type) {
		return (T) this.options.serializer().deserializeEntity(ctx, raw, type);
	}

	private static int monitorSeconds(Duration monitor) {
		long seconds = (monitor.toMillis() + 999) / 1000;
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
	}

	private static RuntimeException rethrow(@Nullable Throwable failure) {
		Throwable cause = (failure != null) ? Completions.cause(failure) : null;
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof CancellationException cancelled) {
			return cancelled;
		}
		return new RpcException("Call failed", cause);
	}

	@Override
	public String toString() {
		return "RpcTemplate[" + this.target + " via " + this.transport.url() + "]";
	}

}
