package io.oslo4j.rpc.boot.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.oslo4j.rpc.WorkerStats;
import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.boot.notify.RpcNotificationListenerRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Micrometer's executor meters for the workers of every RPC server and notification
 * listener (those with {@code executor-threads} above 0): {@code executor.active},
 * {@code executor.queued}, {@code executor.queue.remaining}, {@code executor.pool.max}
 * and {@code executor.completed}, tagged {@code name} =
 * {@code oslo4j-rpc-<topic>.<server>} or {@code oslo4j-notify-<topics>}, as Micrometer's
 * {@code ExecutorServiceMetrics} names them, so that executor dashboards show them.
 * Registered once the servers and listeners exist (it starts in the phase after theirs)
 * and removed when they stop.
 */
public class RpcWorkerMetrics implements SmartLifecycle {

	/** The phase: right after the servers and listeners start, and before they stop. */
	public static final int PHASE = RpcEndpointRegistry.PHASE + 1;

	private final ObjectProvider<MeterRegistry> meterRegistry;

	private @Nullable MeterRegistry registry;

	private final ObjectProvider<RpcEndpointRegistry> servers;

	private final ObjectProvider<RpcNotificationListenerRegistry> listeners;

	private final List<Meter> meters = new ArrayList<>();

	private volatile boolean running;

	/**
	 * Makes the meters' binder.
	 * @param meterRegistry where the meters go (none without a unique registry)
	 * @param servers the RPC servers, if any
	 * @param listeners the notification listeners, if any
	 */
	public RpcWorkerMetrics(ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<RpcEndpointRegistry> servers,
			ObjectProvider<RpcNotificationListenerRegistry> listeners) {
		this.meterRegistry = meterRegistry;
		this.servers = servers;
		this.listeners = listeners;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		MeterRegistry meters = this.meterRegistry.getIfUnique();
		this.registry = meters;
		if (meters == null) {
			return;
		}
		workers().forEach((name, stats) -> bind(meters, name, stats));
	}

	/**
	 * Returns the workers of the servers and listeners that have some, by executor name.
	 */
	private Map<String, WorkerStats> workers() {
		Map<String, WorkerStats> workers = new LinkedHashMap<>();
		this.servers.ifAvailable((registry) -> registry.servers()
			.forEach((server) -> put(workers, "oslo4j-rpc-" + server.target().topic() + "." + server.target().server(),
					server.workerStats())));
		this.listeners.ifAvailable((registry) -> registry.listeners().forEach((listener) -> {
			String topics = String.join(",", listener.targets().stream().map((t) -> t.topic()).toList());
			put(workers, "oslo4j-notify-" + topics + ((listener.pool() != null) ? "-" + listener.pool() : ""),
					listener.workerStats());
		}));
		return workers;
	}

	private static void put(Map<String, WorkerStats> workers, String name, @Nullable WorkerStats stats) {
		if (stats != null) {
			workers.put(name, stats);
		}
	}

	private void bind(MeterRegistry meters, String name, WorkerStats stats) {
		Tags tags = Tags.of("name", name);
		gauge(meters, tags, "executor.active", stats, WorkerStats::active, "threads",
				"The approximate number of threads that are actively executing tasks");
		gauge(meters, tags, "executor.queued", stats, WorkerStats::queued, "tasks",
				"The approximate number of tasks that are queued for execution");
		gauge(meters, tags, "executor.queue.remaining", stats, WorkerStats::queueRemaining, "tasks",
				"The number of additional elements that this queue can ideally accept without blocking");
		gauge(meters, tags, "executor.pool.max", stats, WorkerStats::maxActive, "threads",
				"The maximum allowed number of threads in the pool");
		this.meters.add(FunctionCounter.builder("executor.completed", stats, WorkerStats::completed)
			.tags(tags)
			.description("The approximate total number of tasks that have completed execution")
			.baseUnit("tasks")
			.register(meters));
	}

	private void gauge(MeterRegistry meters, Tags tags, String name, WorkerStats stats,
			ToDoubleFunction<WorkerStats> value, String unit, String description) {
		this.meters
			.add(Gauge.builder(name, stats, value).tags(tags).description(description).baseUnit(unit).register(meters));
	}

	@Override
	public synchronized void stop() {
		MeterRegistry meters = this.registry;
		if (meters != null) {
			this.meters.forEach(meters::remove);
		}
		this.meters.clear();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
