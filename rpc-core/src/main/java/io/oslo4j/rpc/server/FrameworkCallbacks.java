package io.oslo4j.rpc.server;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.ClassUtils;

/**
 * Finds the methods that a container or framework calls because of an annotation, so that
 * a remote caller cannot call them and bypass what the framework does around them (an
 * event listener's condition, a notification listener's filters, a message listener's
 * container, a schedule). A method is such a callback when it carries, directly, through
 * a meta-annotation or on a method it overrides or implements (also in the bean's target
 * class behind an interface proxy):
 * <ul>
 * <li>an annotation of the known list: lifecycle callbacks and injection points
 * ({@code @PostConstruct}, {@code @PreDestroy}, {@code @Autowired}, {@code @Value},
 * {@code @Inject}, {@code @Resource}, {@code @Lookup}), {@code @Scheduled},
 * {@code @Schedules}, {@code @Bean}, {@code @InitBinder}, {@code @ModelAttribute},
 * {@code @Recover}, {@code @ServiceActivator}, {@code @SqsListener} and oslo4j's own
 * {@code @RpcNotificationListener};</li>
 * <li>or an annotation of a JDK or framework package ({@code org.springframework.},
 * {@code jakarta.}, ...) whose simple name ends with {@code Listener}, {@code Listeners},
 * {@code Handler}, {@code Handlers} or {@code Mapping}: Spring's way of naming
 * framework-invoked methods ({@code @EventListener}, {@code @TransactionalEventListener},
 * {@code @RabbitListener}, {@code @RabbitHandler}, {@code @KafkaListener},
 * {@code @JmsListener}, {@code @ExceptionHandler}, {@code @MessageMapping},
 * {@code @RequestMapping}: a web handler has its own security chain, which RPC would
 * bypass).</li>
 * </ul>
 * Annotations are matched by name, so none of them needs to be on the class path.
 */
final class FrameworkCallbacks {

	private static final Set<String> KNOWN = Set.of("jakarta.annotation.PostConstruct", "jakarta.annotation.PreDestroy",
			"javax.annotation.PostConstruct", "javax.annotation.PreDestroy",
			"org.springframework.beans.factory.annotation.Autowired",
			"org.springframework.beans.factory.annotation.Value", "org.springframework.beans.factory.annotation.Lookup",
			"jakarta.inject.Inject", "javax.inject.Inject", "jakarta.annotation.Resource", "javax.annotation.Resource",
			"org.springframework.scheduling.annotation.Scheduled",
			"org.springframework.scheduling.annotation.Schedules", "org.springframework.context.annotation.Bean",
			"org.springframework.web.bind.annotation.InitBinder",
			"org.springframework.web.bind.annotation.ModelAttribute", "org.springframework.retry.annotation.Recover",
			"org.springframework.integration.annotation.ServiceActivator",
			"io.awspring.cloud.sqs.annotation.SqsListener", "io.oslo4j.rpc.annotation.RpcNotificationListener");

	private static final List<String> FRAMEWORK_SUFFIXES = List.of("Listener", "Listeners", "Handler", "Handlers",
			"Mapping");

	private FrameworkCallbacks() {
	}

	/**
	 * Tells whether a framework calls a method because of an annotation.
	 * @param method the endpoint method
	 * @param targetClass the class of the object behind the bean, whose implementation of
	 * the method counts too
	 * @return whether the method is a callback
	 */
	static boolean isCallback(Method method, Class<?> targetClass) {
		if (annotated(method)) {
			return true;
		}
		Method implementation = ClassUtils.getMostSpecificMethod(method, targetClass);
		return !implementation.equals(method) && annotated(implementation);
	}

	private static boolean annotated(Method method) {
		return MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY)
			.stream()
			.anyMatch(FrameworkCallbacks::marksCallback);
	}

	private static boolean marksCallback(MergedAnnotation<?> annotation) {
		String name = annotation.getType().getName();
		if (KNOWN.contains(name)) {
			return true;
		}
		if (!FrameworkOverrides.isFramework(name)) {
			return false;
		}
		String simpleName = annotation.getType().getSimpleName();
		for (String suffix : FRAMEWORK_SUFFIXES) {
			if (simpleName.endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

}
