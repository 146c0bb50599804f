package io.oslo4j.rpc.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.oslo4j.rpc.wire.RequestMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link AckedDispatch}: a request handed to a worker before its ack is dispatched only
 * once the ack succeeded, whichever of the worker and the ack comes first, and never when
 * the ack failed.
 */
@Timeout(30)
class AckedDispatchTest {

	private final RequestMessage request = RequestMessage.cast("m", Map.of(), null, null, Map.of());

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final ExecutorService worker = Executors.newSingleThreadExecutor();

	@AfterEach
	void stop() {
		this.worker.shutdownNow();
	}

	@Test
	void anAckThatCameFirstLetsTheWorkerDispatchAtOnce() {
		AckedDispatch dispatch = dispatch();
		dispatch.acked(true);
		dispatch.run();
		assertThat(this.events).containsExactly("dispatched m");
	}

	@Test
	void aFailedAckDropsTheRequest() {
		AckedDispatch dispatch = dispatch();
		dispatch.acked(false);
		dispatch.run();
		assertThat(this.events).containsExactly("dropped m");
	}

	@Test
	void aWorkerThatCameFirstWaitsForTheAck() throws Exception {
		AckedDispatch dispatch = dispatch();
		Future<?> running = this.worker.submit(dispatch);
		// past the spin: parked, waiting
		await().atMost(Duration.ofSeconds(5)).until(() -> this.events.isEmpty() && parked());
		assertThat(running).isNotDone();
		dispatch.acked(true);
		running.get(5, TimeUnit.SECONDS);
		assertThat(this.events).containsExactly("dispatched m");
	}

	@Test
	void aWorkerThatCameFirstDropsTheRequestWhenTheAckFails() throws Exception {
		AckedDispatch dispatch = dispatch();
		Future<?> running = this.worker.submit(dispatch);
		await().atMost(Duration.ofSeconds(5)).until(this::parked);
		dispatch.acked(false);
		running.get(5, TimeUnit.SECONDS);
		assertThat(this.events).containsExactly("dropped m");
	}

	@Test
	void noWakeUpIsLostWhenAckAndWorkerRace() throws Exception {
		ExecutorService acker = Executors.newSingleThreadExecutor();
		AtomicInteger dispatched = new AtomicInteger();
		try {
			for (int i = 0; i < 20_000; i++) {
				AckedDispatch dispatch = new AckedDispatch(this.request, (r) -> dispatched.incrementAndGet(),
						(r) -> this.events.add("dropped"));
				Future<?> running = this.worker.submit(dispatch);
				acker.submit(() -> dispatch.acked(true));
				running.get(5, TimeUnit.SECONDS);
			}
		}
		finally {
			acker.shutdownNow();
		}
		assertThat(dispatched).hasValue(20_000);
		assertThat(this.events).isEmpty();
	}

	private AckedDispatch dispatch() {
		return new AckedDispatch(this.request, (r) -> this.events.add("dispatched " + r.method()),
				(r) -> this.events.add("dropped " + r.method()));
	}

	private boolean parked() {
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getState() == Thread.State.WAITING && blockedOnDispatch(thread)) {
				return true;
			}
		}
		return false;
	}

	private static boolean blockedOnDispatch(Thread thread) {
		for (StackTraceElement frame : thread.getStackTrace()) {
			if (frame.getClassName().equals(AckedDispatch.class.getName())) {
				return true;
			}
		}
		return false;
	}

}
