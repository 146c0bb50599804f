package io.oslo4j.rpc.boot.aot.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.notify.Notifier;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Starts {@link AotApplication} from the code Spring AOT generated for it, calls its
 * endpoint through its client and sends it a notification. It runs in a class loader of
 * its own, where the generated classes are, so it answers in JDK types only.
 */
public final class AotApplicationRunner {

	private AotApplicationRunner() {
	}

	/**
	 * Runs the application.
	 * @param initializerName the class name of the generated context initializer
	 * @param properties the application's properties
	 * @return the bean names of the client, the sum it got, the instance the listener
	 * received
	 * @throws ReflectiveOperationException when the initializer cannot be made
	 */
	@SuppressWarnings("unchecked")
	public static List<String> run(String initializerName, Map<String, Object> properties)
			throws ReflectiveOperationException {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
		ApplicationContextInitializer<GenericApplicationContext> initializer = (ApplicationContextInitializer<GenericApplicationContext>) Class
			.forName(initializerName, true, AotApplicationRunner.class.getClassLoader())
			.getDeclaredConstructor()
			.newInstance();
		initializer.initialize(context);
		context.refresh();
		try {
			String[] clientNames = context.getBeanNamesForType(AotCalculatorClient.class);
			Sum sum = context.getBean(AotCalculatorClient.class).add(2, 3);
			context.getBean(Notifier.class)
				.info(RpcContext.empty(), "compute.instance.create.end", Map.of("id", "i-1", "vcpus", 2));
			AotListener listener = context.getBean(AotListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !listener.received().isEmpty());
			return List.of(String.join(",", clientNames), sum.toString(), listener.received().get(0).toString());
		}
		finally {
			context.close();
		}
	}

}
