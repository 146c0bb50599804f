package io.oslo4j.rpc.boot.configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * One documented property: the {@code application.yml} a user writes to set it, and a
 * check of its effect on the started context.
 *
 * @param property the documented name ({@code <name>} for a map key), optionally followed
 * by a note in parentheses
 * @param yaml the YAML that sets it
 * @param check asserts the effective setting
 */
record PropertyCase(String property, String yaml, ContextConsumer<AssertableApplicationContext> check) {

	static PropertyCase of(String property, String yaml, ContextConsumer<AssertableApplicationContext> check) {
		return new PropertyCase(property, yaml, check);
	}

	/**
	 * Returns the runner with {@link #yaml()} as the application's
	 * {@code application.yml}, ahead of the runner's own property values.
	 * @param runner the runner
	 * @return the runner with the YAML
	 */
	ApplicationContextRunner applyTo(ApplicationContextRunner runner) {
		return withYaml(runner, this.yaml);
	}

	/**
	 * Returns whether the YAML sets the documented property (with the map key of the
	 * documentation's {@code <name>} replaced by any key).
	 * @return whether it does
	 */
	boolean setsDocumentedName() {
		String pattern = Arrays.stream(normalized(documentedName()).split("<name>", -1))
			.map(Pattern::quote)
			.collect(Collectors.joining("[^.]+"));
		for (PropertySource<?> source : load(this.yaml)) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (normalized(name).matches(pattern + "(\\[\\d+\\])?(\\..*)?")) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Returns the documented name, without the note some cases add in parentheses.
	 * @return the name
	 */
	String documentedName() {
		int note = this.property.indexOf(" (");
		return (note < 0) ? this.property : this.property.substring(0, note);
	}

	/**
	 * Relaxed names compared as Spring Boot binds them: case, dashes and underscores
	 * aside.
	 */
	private static String normalized(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

	static ApplicationContextRunner withYaml(ApplicationContextRunner runner, String yaml) {
		return runner.withInitializer((context) -> {
			for (PropertySource<?> source : load(yaml)) {
				context.getEnvironment().getPropertySources().addFirst(source);
			}
		});
	}

	private static List<PropertySource<?>> load(String yaml) {
		try {
			return new YamlPropertySourceLoader().load("application.yml",
					new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "application.yml"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("not YAML: " + yaml, ex);
		}
	}

	@Override
	public String toString() {
		return this.property;
	}

}
