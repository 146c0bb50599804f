package io.oslo4j.rpc.boot.aot;

import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.boot.aot.app.AotApplication;
import io.oslo4j.rpc.boot.aot.app.AotApplicationRunner;
import io.oslo4j.rpc.boot.aot.app.AotCalculatorClient;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with an {@code @RpcClient}, an {@code @RpcEndpoint} and an
 * {@code @RpcNotificationListener} is processed ahead of time, and the generated code,
 * compiled, starts it on {@code fake://}: the client's call is answered and the listener
 * gets the notification.
 */
@Timeout(180)
class RpcAotRuntimeTest {

	@Test
	void theGeneratedContextAnswersACallAndDeliversANotification(@TempDir Path directory) throws Exception {
		Map<String, Object> properties = Map.of("rpc.transport-url", "fake:///" + MessageIds.next());
		AotProcessing processing = AotProcessing.process(AotApplication.class, properties, directory);
		processing.compile(directory);
		try (URLClassLoader loader = processing.classLoader()) {
			Thread thread = Thread.currentThread();
			ClassLoader previous = thread.getContextClassLoader();
			thread.setContextClassLoader(loader);
			try {
				Method run = loader.loadClass(AotApplicationRunner.class.getName())
					.getMethod("run", String.class, Map.class);
				assertThat(loader.loadClass(AotApplicationRunner.class.getName()))
					.isNotSameAs(AotApplicationRunner.class);
				List<String> answers = ((List<?>) run.invoke(null, processing.initializer(), properties)).stream()
					.map(String::valueOf)
					.toList();
				assertThat(answers).containsExactly(AotCalculatorClient.class.getName(), "Sum[value=5, operands=2]",
						"Instance[id=i-1, vcpus=2]");
			}
			finally {
				thread.setContextClassLoader(previous);
			}
		}
	}

}
