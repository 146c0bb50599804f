package io.oslo4j.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Java 21's virtual-thread-per-task executor, reached without compiling against Java 21
 * (the benchmark targets Java 17).
 */
final class VirtualThreads {

	private VirtualThreads() {
	}

	/**
	 * Returns an executor that runs each task on a new virtual thread.
	 * @return the executor
	 * @throws IllegalStateException before Java 21
	 */
	static ExecutorService perTask() {
		try {
			return (ExecutorService) MethodHandles.publicLookup()
				.findStatic(Executors.class, "newVirtualThreadPerTaskExecutor",
						MethodType.methodType(ExecutorService.class))
				.invoke();
		}
		catch (Throwable ex) {
			throw new IllegalStateException("virtual threads need Java 21 or later", ex);
		}
	}

}
