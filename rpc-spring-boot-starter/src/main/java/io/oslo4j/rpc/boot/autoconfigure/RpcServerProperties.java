package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.oslo4j.rpc.server.AccessPolicy;
import io.oslo4j.rpc.server.AckMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationUnit;

/**
 * Settings of the application's RPC server, {@code rpc.server.*}.
 */
public class RpcServerProperties {

	/**
	 * Whether @RpcEndpoint beans are served. When false no server is started and no queue
	 * is consumed; clients still work.
	 */
	private boolean enabled = true;

	/**
	 * Topic the @RpcEndpoint beans without a topic of their own are served on. Defaults
	 * to spring.application.name.
	 */
	private @Nullable String topic;

	/**
	 * Server name: this instance listens on "<topic>.<name>" too, and on its own fanout
	 * queue. Defaults to the host name, as oslo's "host" option.
	 */
	private @Nullable String name;

	/**
	 * Worker threads dispatching requests (oslo's executor_thread_pool_size). 0 runs each
	 * request on the consumer thread that received it: no hand-off, the fastest for
	 * endpoints that never block, but a slow method holds up the requests behind it.
	 */
	private int executorThreads = 64;

	/**
	 * Requests waiting for a worker when every worker is busy. When full, the consumer
	 * waits, which holds back the broker's deliveries (with a prefetch limit) instead of
	 * growing memory. Unused with executor-threads=0.
	 */
	private int queueCapacity = 1024;

	/**
	 * How many recent message ids (_unique_id) are remembered to drop duplicates, such as
	 * redeliveries after a connection loss. 0 remembers none.
	 */
	private int duplicateCacheSize = 1024;

	/**
	 * Name of an Executor bean (a TaskExecutor, for instance) running the requests
	 * instead of the server's own threads, at most executor-threads at once with
	 * queue-capacity more waiting. Unset: the server's own threads, or virtual threads
	 * when spring.threads.virtual.enabled=true (Java 21 and later).
	 */
	private @Nullable String executor;

	/**
	 * How long requests in flight may run on shutdown before the server is closed. A
	 * number without unit is seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration shutdownTimeout = Duration.ofSeconds(30);

	/**
	 * When requests are acknowledged: on-receipt (oslo's behaviour, at most once) or
	 * after-dispatch (at least once).
	 */
	private AckMode ackMode = AckMode.ON_RECEIPT;

	/**
	 * Which public methods of endpoint beans are callable: default (oslo's
	 * DefaultRPCAccessPolicy: every public method, except framework methods and
	 * callbacks) or explicit (oslo's ExplicitRPCAccessPolicy: only the methods annotated
	 * with @RpcMethod).
	 */
	private AccessPolicy accessPolicy = AccessPolicy.DEFAULT;

	public AccessPolicy getAccessPolicy() {
		return this.accessPolicy;
	}

	public void setAccessPolicy(AccessPolicy accessPolicy) {
		this.accessPolicy = accessPolicy;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getTopic() {
		return this.topic;
	}

	public void setTopic(@Nullable String topic) {
		this.topic = topic;
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	/**
	 * Returns the server name in use: {@code rpc.server.name}, or the host name.
	 * @return the effective server name
	 */
	public String effectiveName() {
		return (this.name != null && !this.name.isBlank()) ? this.name : RpcTransports.hostName();
	}

	public int getExecutorThreads() {
		return this.executorThreads;
	}

	public void setExecutorThreads(int executorThreads) {
		this.executorThreads = executorThreads;
	}

	public int getQueueCapacity() {
		return this.queueCapacity;
	}

	public void setQueueCapacity(int queueCapacity) {
		this.queueCapacity = queueCapacity;
	}

	public int getDuplicateCacheSize() {
		return this.duplicateCacheSize;
	}

	public void setDuplicateCacheSize(int duplicateCacheSize) {
		this.duplicateCacheSize = duplicateCacheSize;
	}

	public @Nullable String getExecutor() {
		return this.executor;
	}

	public void setExecutor(@Nullable String executor) {
		this.executor = executor;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public AckMode getAckMode() {
		return this.ackMode;
	}

	public void setAckMode(AckMode ackMode) {
		this.ackMode = ackMode;
	}

}
