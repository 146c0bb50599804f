package io.oslo4j.rpc.boot.aot;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Contributes the run-time hints of an application's oslo4j beans when it is processed
 * ahead of time ({@code spring-boot:process-aot}, a native image build):
 * <ul>
 * <li>a JDK proxy of each {@code @RpcClient} interface, and its methods;</li>
 * <li>invocation of the public methods of each {@code @RpcEndpoint} class (and of the
 * application interfaces it implements, through which a JDK proxy is served);</li>
 * <li>invocation of each {@code @RpcNotificationListener} method;</li>
 * <li>Jackson binding of the parameter and return types of all of those;</li>
 * <li>the {@code (String message)} constructor of each exception type named by
 * {@code rpc.allowed-remote-exceptions}.</li>
 * </ul>
 */
final class RpcBeanFactoryInitializationAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		RpcBeans beans = RpcBeans.find(beanFactory);
		if (beans.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> register(beans, generationContext.getRuntimeHints());
	}

	static void register(RpcBeans beans, RuntimeHints hints) {
		RpcTypeHints types = new RpcTypeHints(hints);
		for (Class<?> client : beans.clients()) {
			hints.proxies().registerJdkProxy(client);
			types.publicMethods(client);
		}
		for (Class<?> endpoint : beans.endpoints()) {
			types.publicMethods(endpoint);
			for (Class<?> iface : ClassUtils.getAllInterfacesForClassAsSet(endpoint)) {
				if (!isFramework(iface)) {
					types.publicMethods(iface);
				}
			}
		}
		for (Method listener : beans.listeners()) {
			types.invocable(listener);
		}
		for (Class<?> exception : beans.allowedExceptions()) {
			hints.reflection().registerType(exception);
			Constructor<?> constructor = ClassUtils.getConstructorIfAvailable(exception, String.class);
			if (constructor != null) {
				hints.reflection().registerConstructor(constructor, ExecutableMode.INVOKE);
			}
		}
	}

	private static boolean isFramework(Class<?> type) {
		String name = type.getName();
		return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.")
				|| name.startsWith("org.springframework.") || name.startsWith("kotlin.");
	}

}
