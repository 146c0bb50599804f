package io.oslo4j.rpc.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds an {@link IsolatedBrokerContextCustomizer} to the contexts of test classes
 * annotated (or meta-annotated, or nested in a class annotated) with
 * {@link AutoConfigureRpcTest}. Registered in {@code META-INF/spring.factories}.
 */
final class IsolatedBrokerContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureRpcTest.class)
				? new IsolatedBrokerContextCustomizer() : null;
	}

}
