package io.oslo4j.rpc.boot.aot;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.FileSystemGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.env.MapPropertySource;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processes an application ahead of time as {@code spring-boot:process-aot} does, into a
 * directory, and compiles what was generated, as Spring's own AOT tests do.
 *
 * @param initializer the class name of the generated context initializer
 * @param hints the hints contributed
 * @param classes where the compiled and generated classes are
 * @param resources where the generated resources are
 */
record AotProcessing(String initializer, RuntimeHints hints, Path classes, Path resources) {

	/**
	 * Processes an application.
	 * @param application its configuration class
	 * @param properties its properties
	 * @param directory where to write the generated files
	 * @return the result
	 */
	static AotProcessing process(Class<?> application, Map<String, Object> properties, Path directory) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
			context.register(application);
			DefaultGenerationContext generation = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(application)), new FileSystemGeneratedFiles(directory));
			ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
			generation.writeGeneratedContent();
			return new AotProcessing(initializer.reflectionName(), generation.getRuntimeHints(),
					directory.resolve("classes"), directory.resolve("resources"));
		}
	}

	/**
	 * Compiles the generated sources next to the generated classes.
	 * @param directory where {@link #process} wrote them
	 * @throws IOException when the sources cannot be read
	 */
	void compile(Path directory) throws IOException {
		List<String> sources;
		try (Stream<Path> files = Files.walk(directory.resolve("sources"))) {
			sources = files.filter((file) -> file.toString().endsWith(".java")).map(Path::toString).toList();
		}
		Files.createDirectories(this.classes);
		List<String> arguments = new ArrayList<>(List.of("-proc:none", "-parameters", "-nowarn", "-classpath",
				System.getProperty("java.class.path"), "-d", this.classes.toString()));
		arguments.addAll(sources);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new)))
			.as("compiling the generated sources")
			.isZero();
	}

	/**
	 * Returns a class loader holding the application's class path and the generated
	 * classes, apart from the test's own, so that generated code reaches package-private
	 * types as it does in the application's jar.
	 * @return the class loader
	 * @throws IOException when a class path entry is malformed
	 */
	URLClassLoader classLoader() throws IOException {
		List<URL> urls = new ArrayList<>(List.of(this.classes.toUri().toURL(), this.resources.toUri().toURL()));
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			urls.add(Path.of(entry).toUri().toURL());
		}
		return new URLClassLoader("aot", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
	}

}
