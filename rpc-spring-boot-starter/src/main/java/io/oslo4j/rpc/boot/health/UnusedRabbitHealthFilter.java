package io.oslo4j.rpc.boot.health;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.MethodMetadata;

/**
 * Leaves out Spring Boot's {@code rabbit} health indicator when it would report a broker
 * the application does not use. With {@code spring-boot-amqp} on the class path (a
 * dependency of the starter), Spring Boot always makes a Spring AMQP connection factory
 * from {@code spring.rabbitmq.*} (localhost by default) and a {@code rabbit} health
 * indicator checking it; an application whose broker comes from {@code rpc.transport-url}
 * would then be DOWN whenever localhost has no broker.
 * <p>
 * The indicator is left out when all of these hold: {@code rpc.transport-url} is set;
 * {@code management.health.rabbit.enabled} is not (setting it, either way, decides); no
 * {@code spring.rabbitmq.*} property is set; and every Spring AMQP
 * {@link ConnectionFactory} and {@link RabbitConnectionDetails} bean is Spring Boot's own
 * (none of the application's, no service connection). That is, only when the indicator
 * would check Spring Boot's default broker on behalf of nobody. oslo4j's {@code rpc}
 * indicator reports the broker it uses.
 */
final class UnusedRabbitHealthFilter implements BeanFactoryPostProcessor, EnvironmentAware {

	/**
	 * The bean name of Spring Boot's indicator
	 * (RabbitHealthContributorAutoConfiguration).
	 */
	static final String BEAN_NAME = "rabbitHealthContributor";

	private static final String BOOT_AMQP_PACKAGE = "org.springframework.boot.amqp.autoconfigure.";

	private static final Logger logger = LoggerFactory.getLogger(UnusedRabbitHealthFilter.class);

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		Environment environment = this.environment;
		if (environment == null || !(beanFactory instanceof BeanDefinitionRegistry registry)
				|| !registry.containsBeanDefinition(BEAN_NAME) || !isBound(environment, "rpc.transport-url")
				|| isBound(environment, "management.health.rabbit.enabled") || hasSpringRabbitmqProperty(environment)
				|| hasBeanOfTheApplication(beanFactory, ConnectionFactory.class)
				|| hasBeanOfTheApplication(beanFactory, RabbitConnectionDetails.class)) {
			return;
		}
		registry.removeBeanDefinition(BEAN_NAME);
		logger.info("oslo4j: Spring Boot's rabbit health indicator is left out: it would check the broker of "
				+ "spring.rabbitmq.* (not configured), which this application does not use; oslo4j's broker "
				+ "(rpc.transport-url) is reported by the rpc indicator. management.health.rabbit.enabled=true "
				+ "keeps it.");
	}

	private static boolean isBound(Environment environment, String name) {
		return Binder.get(environment).bind(name, Bindable.of(String.class)).isBound();
	}

	private static boolean hasSpringRabbitmqProperty(Environment environment) {
		ConfigurationPropertyName prefix = ConfigurationPropertyName.of("spring.rabbitmq");
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source.containsDescendantOf(prefix) == ConfigurationPropertyState.PRESENT) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasBeanOfTheApplication(ConfigurableListableBeanFactory beanFactory, Class<?> type) {
		for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
			if (!beanFactory.containsBeanDefinition(name) || !isSpringBoots(beanFactory.getBeanDefinition(name))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isSpringBoots(BeanDefinition definition) {
		MethodMetadata method = (definition instanceof AnnotatedBeanDefinition annotated)
				? annotated.getFactoryMethodMetadata() : null;
		return method != null && method.getDeclaringClassName().startsWith(BOOT_AMQP_PACKAGE);
	}

}
