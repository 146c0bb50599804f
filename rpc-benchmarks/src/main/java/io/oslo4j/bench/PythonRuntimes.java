package io.oslo4j.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The Python each system needs, looked up once per run: the host's interpreter
 * ({@code --python}) for {@code python}, {@code python-oslo4j} and {@code oslo4j-python};
 * the Debian 13 root's ({@code --debian13-root}) 16.1 for {@code python16} and 18.1 venv
 * for {@code python18} and {@code python18-oslo4j}.
 */
final class PythonRuntimes {

	private final BenchConfig config;

	private final Map<String, @Nullable Python> found = new HashMap<>();

	private final Map<String, String> failures = new HashMap<>();

	PythonRuntimes(BenchConfig config) {
		this.config = config;
	}

	/**
	 * Returns the Python of a system.
	 * @param id the system id (one that {@link Systems#needsPython(String) needs Python})
	 * @return the runner, or {@code null} when the host's interpreter cannot import
	 * oslo_messaging (the system is not applicable on this machine)
	 * @throws IllegalStateException when the Debian 13 root or one of its interpreters is
	 * missing or wrong (the message names {@code .ci/debian13-root})
	 */
	@Nullable Python forSystem(String id) {
		if (!Systems.inDebian13Root(id)) {
			return lookUp(this.config.python(), () -> Python.find(this.config.python()));
		}
		boolean python16 = id.startsWith(Systems.PYTHON16);
		String interpreter = python16 ? Debian13Root.PYTHON16 : Debian13Root.PYTHON18;
		String release = python16 ? "16.1" : "18.1";
		return lookUp("root:" + interpreter,
				() -> new Debian13Root(this.config.debian13Root()).python(interpreter, release));
	}

	private @Nullable Python lookUp(String key, Finder finder) {
		String failure = this.failures.get(key);
		if (failure != null) {
			throw new IllegalStateException(failure);
		}
		if (this.found.containsKey(key)) {
			return this.found.get(key);
		}
		try {
			Python python = finder.find();
			this.found.put(key, python);
			return python;
		}
		catch (IllegalStateException ex) {
			this.failures.put(key, Objects.requireNonNullElse(ex.getMessage(), ex.toString()));
			throw ex;
		}
	}

	@FunctionalInterface
	private interface Finder {

		@Nullable Python find();

	}

}
