package io.oslo4j.rpc.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.interop.PythonOslo;
import io.oslo4j.rpc.interop.PythonOslo.Step;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message never names a Java class, over RabbitMQ from the real Python client: a
 * parameter type annotated {@code @JsonTypeInfo(use = CLASS)} refuses every class name
 * (an existing subtype, a class with a static initializer, a class that does not exist)
 * with the same {@code TypeError}, so the answer tells nothing about which classes exist
 * and no class is loaded; logical type names ({@code NAME} with {@code @JsonSubTypes})
 * work.
 */
@Timeout(120)
class ClassTypeIdTest {

	private static final String PACKAGE = "io.oslo4j.rpc.security.";

	@Test
	void classNamesAreRefusedAlikeAndLogicalNamesServed() {
		List<String> classNames = List.of(PACKAGE + "TypeIdEndpoint$Circle", PACKAGE + "LoadSentinel",
				PACKAGE + "NoSuchClass", "java.lang.ProcessBuilder");
		String url = TestBroker.url();
		PythonOslo.python();
		try (Transport transport = Transports.create(url);
				ServedTopic served = ServedTopic.serve(transport, "typeid", new TypeIdEndpoint())) {
			List<Step> steps = new ArrayList<>();
			for (String className : classNames) {
				steps.add(PythonOslo.call("shape").arg("shape", Map.of("@class", className, "size", 1)));
			}
			steps.add(PythonOslo.call("pet").arg("pet", Map.of("kind", "dog", "name", "rex")));
			List<Map<String, Object>> results = PythonOslo.runClient(url, served.topic(), steps,
					Duration.ofSeconds(60));
			for (int i = 0; i < classNames.size(); i++) {
				String className = classNames.get(i);
				assertThat(results.get(i)).as(className).containsEntry("ok", false).containsEntry("type", "TypeError");
				String message = ((String) results.get(i).get("message")).lines().findFirst().orElseThrow();
				assertThat(message.replace(className, "<id>")).as(className)
					.isEqualTo("TypeIdEndpoint.shape() argument 'shape': cannot convert object to "
							+ "io.oslo4j.rpc.security.TypeIdEndpoint$Shape: Could not resolve type id '<id>' as a "
							+ "subtype of `io.oslo4j.rpc.security.TypeIdEndpoint$Shape`: a message may not name a "
							+ "Java class; give the type @JsonTypeInfo(use = Id.NAME) and @JsonSubTypes instead of "
							+ "Id.CLASS");
			}
			assertThat(results.get(classNames.size())).containsEntry("ok", true).containsEntry("result", "Dog rex");
		}
		assertThat(Sentinels.INITIALIZED).isEmpty();
	}

}
