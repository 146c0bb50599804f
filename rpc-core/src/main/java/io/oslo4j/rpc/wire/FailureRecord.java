package io.oslo4j.rpc.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A serialized remote exception (oslo's {@code serialize_remote_exception}): keys
 * {@code class}, {@code module}, {@code message}, {@code tb}, {@code args},
 * {@code kwargs}. Nothing here is ever used to load or instantiate a class.
 *
 * @param className the exception's class name, e.g. {@code ValueError}
 * @param module its module: a Python module or, for Java exceptions, the package
 * @param message {@code str(exc)}
 * @param traceback traceback lines, each ending in a newline
 * @param args the exception's arguments
 * @param kwargs the exception's keyword arguments
 */
public record FailureRecord(String className, @Nullable String module, String message, List<String> traceback,
		List<@Nullable Object> args, Map<String, @Nullable Object> kwargs) {

	/** Module of oslo's dispatcher errors. */
	public static final String DISPATCHER_MODULE = "oslo_messaging.rpc.dispatcher";

	/** Module of Python's built-in exceptions. */
	public static final String BUILTINS = "builtins";

	/**
	 * Returns a failure with one argument (the message), no traceback and no kwargs.
	 * @param className the class name
	 * @param module the module
	 * @param message the message
	 * @return the failure
	 */
	public static FailureRecord of(String className, String module, String message) {
		return new FailureRecord(className, module, message, List.of(), List.of(message), Map.of());
	}

	/**
	 * Returns the failure for a Java exception: simple class name, package as module, the
	 * message as {@code message} and {@code args[0]}, the stack trace as {@code tb}.
	 * @param ex the exception
	 * @return the failure
	 */
	public static FailureRecord of(Throwable ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : "";
		List<String> tb = new ArrayList<>();
		tb.add("Traceback (most recent call last):\n");
		tb.add(ex.getClass().getName() + ": " + message + "\n");
		for (StackTraceElement element : ex.getStackTrace()) {
			tb.add("  at " + element + "\n");
		}
		return new FailureRecord(ex.getClass().getSimpleName(), ex.getClass().getPackageName(), message, tb,
				List.of(message), Map.of());
	}

	/**
	 * Returns the failure as the map oslo serializes, keys in oslo's order.
	 * @return the map
	 */
	public Map<String, @Nullable Object> toMap() {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		map.put("class", this.className);
		map.put("module", this.module);
		map.put("message", this.message);
		map.put("tb", this.traceback);
		map.put("args", this.args);
		map.put("kwargs", this.kwargs);
		return map;
	}

}
