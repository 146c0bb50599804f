package io.oslo4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads one build of rpc-core beside another in the same JVM: the classes of
 * {@code io.oslo4j.rpc} come only from that build's classes (never from the benchmark
 * jar, which has its own copy), the benchmark's own classes ({@code io.oslo4j.bench}) are
 * defined again from the benchmark jar so that they link to that build, and every other
 * class (the JDK, Jackson, the logging) is the parent's, shared by both builds.
 */
final class BuildClassLoader extends URLClassLoader {

	private static final String CORE = "io.oslo4j.rpc.";

	private static final String BENCH = "io.oslo4j.bench.";

	private final Path classes;

	/**
	 * Makes the loader of a build.
	 * @param classes rpc-core's compiled classes ({@code rpc-core/target/classes}) or its
	 * jar
	 * @param parent the loader of everything else
	 * @throws IllegalArgumentException when no rpc-core classes are there
	 */
	BuildClassLoader(Path classes, ClassLoader parent) {
		super("build " + classes, new URL[] { url(classes) }, parent);
		this.classes = classes;
		if (findResource("io/oslo4j/rpc/wire/WireCodec.class") == null) {
			throw new IllegalArgumentException(
					"No rpc-core classes in " + classes + ": give rpc-core/target/classes of a build (compile it with "
							+ "'./mvnw -B -q -o -DskipTests compile -pl rpc-core') or its jar");
		}
	}

	/** Returns where this build's classes are. */
	Path classes() {
		return this.classes;
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (!name.startsWith(CORE) && !name.startsWith(BENCH)) {
			return super.loadClass(name, resolve);
		}
		synchronized (getClassLoadingLock(name)) {
			Class<?> loaded = findLoadedClass(name);
			if (loaded == null) {
				loaded = name.startsWith(CORE) ? findClass(name) : defineFromParent(name);
			}
			if (resolve) {
				resolveClass(loaded);
			}
			return loaded;
		}
	}

	private Class<?> defineFromParent(String name) throws ClassNotFoundException {
		String resource = name.replace('.', '/') + ".class";
		try (InputStream in = getParent().getResourceAsStream(resource)) {
			if (in == null) {
				throw new ClassNotFoundException(name);
			}
			byte[] bytes = in.readAllBytes();
			return defineClass(name, bytes, 0, bytes.length);
		}
		catch (IOException ex) {
			throw new ClassNotFoundException(name, ex);
		}
	}

	private static URL url(Path classes) {
		if (!Files.exists(classes)) {
			throw new IllegalArgumentException("No such directory or jar: " + classes);
		}
		try {
			return classes.toUri().toURL();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Not a usable path: " + classes, ex);
		}
	}

}
