package io.oslo4j.rpc.boot.security.endpoints;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/**
 * The applications of the access policy tests: class proxies (transactions, validation,
 * an aspect), callbacks named by bean definitions, an interface proxy, and an advised
 * endpoint with a final method.
 */
public final class AccessPolicyApplications {

	private AccessPolicyApplications() {
	}

	/** Class proxies for transactions, validation and the admin aspect. */
	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement(proxyTargetClass = true)
	@EnableAspectJAutoProxy(proxyTargetClass = true)
	public static class ClassProxies {

		@Bean
		RecordingTransactionManager transactionManager() {
			return new RecordingTransactionManager();
		}

		@Bean
		AdminAspect adminAspect() {
			return new AdminAspect();
		}

		@Bean
		static MethodValidationPostProcessor methodValidationPostProcessor() {
			MethodValidationPostProcessor processor = new MethodValidationPostProcessor();
			processor.setProxyTargetClass(true);
			return processor;
		}

	}

	/** The framework-method endpoints, plain and behind each kind of class proxy. */
	@Configuration(proxyBeanMethods = false)
	@Import({ ClassProxies.class, PlainEndpoint.class, TransactionalEndpoint.class, ValidatedEndpoint.class,
			AdvisedEndpoint.class })
	public static class FrameworkMethods {

	}

	/** An endpoint behind a transactional class proxy, for the explicit policy. */
	@Configuration(proxyBeanMethods = false)
	@Import({ ClassProxies.class, ExplicitEndpoint.class })
	public static class Explicit {

	}

	/** Endpoints whose bean definitions name callbacks, one of them proxied. */
	@Configuration(proxyBeanMethods = false)
	@Import(ClassProxies.class)
	public static class NamedCallbacks {

		@Bean(initMethod = "openPool", destroyMethod = "teardown")
		PooledEndpoint pooledEndpoint() {
			return new PooledEndpoint();
		}

		@Bean
		ShutdownEndpoint shutdownEndpoint() {
			return new ShutdownEndpoint();
		}

	}

	/** A transactional endpoint behind a JDK interface proxy. */
	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement(proxyTargetClass = false)
	@Import(JdkProxiedEndpoint.class)
	public static class InterfaceProxy {

		@Bean
		RecordingTransactionManager transactionManager() {
			return new RecordingTransactionManager();
		}

	}

	/** An aspect-guarded class proxy with a final guarded method. */
	@Configuration(proxyBeanMethods = false)
	@Import({ ClassProxies.class, FinalMethodEndpoint.class })
	public static class FinalMethod {

	}

}
