package io.oslo4j.rpc.boot.notify;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import io.oslo4j.rpc.annotation.RpcNotificationListener;
import io.oslo4j.rpc.boot.autoconfigure.RpcDefinitionException;
import io.oslo4j.rpc.notify.NotificationFilter;
import io.oslo4j.rpc.notify.NotificationResult;
import io.oslo4j.rpc.notify.NotificationPriority;
import io.oslo4j.rpc.serializer.Serializer;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.StringUtils;

/**
 * Finds the {@code @RpcNotificationListener} methods of a class, checks them and turns
 * each into a {@link NotificationListenerMethod} with the {@link ListenerKey} of the
 * listener it joins. Every problem is a {@link RpcDefinitionException} naming the bean
 * and the method.
 */
final class NotificationListenerMethods {

	static final String ANNOTATION = "@RpcNotificationListener";

	private final UnaryOperator<String> placeholders;

	private final List<String> defaultTopics;

	private final Serializer serializer;

	/**
	 * Makes the finder.
	 * @param placeholders resolves {@code ${...}} in attributes
	 * @param defaultTopics the topics of methods that name none
	 * @param serializer converts payloads
	 */
	NotificationListenerMethods(UnaryOperator<String> placeholders, List<String> defaultTopics, Serializer serializer) {
		this.placeholders = placeholders;
		this.defaultTopics = List.copyOf(defaultTopics);
		this.serializer = serializer;
	}

	/**
	 * Returns the annotated methods of a class (including inherited and interface ones).
	 * @param type the bean's user class
	 * @return the methods and their annotations
	 */
	static Map<Method, RpcNotificationListener> annotated(Class<?> type) {
		if (!AnnotationUtils.isCandidateClass(type, RpcNotificationListener.class)) {
			return Map.of();
		}
		return MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<RpcNotificationListener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, RpcNotificationListener.class));
	}

	/**
	 * Turns a bean's annotated method into an endpoint.
	 * @param beanName the bean name
	 * @param bean the bean (its proxy, if any), on which the method is called
	 * @param method the method, as declared on the user class
	 * @param annotation its annotation
	 * @return the listener key and the endpoint
	 * @throws RpcDefinitionException when the method cannot be used
	 */
	Found create(String beanName, Object bean, Method method, RpcNotificationListener annotation) {
		String description = describe(method) + " (bean '" + beanName + "')";
		try {
			check(method);
			NotificationArguments arguments = NotificationArguments.of(method, this.serializer);
			Method invocable = invocable(method, bean);
			ListenerKey key = new ListenerKey(topics(annotation), blankToNull(annotation.exchange()),
					blankToNull(annotation.pool()));
			Set<NotificationPriority> priorities = annotation.priorities().length == 0
					? EnumSet.allOf(NotificationPriority.class)
					: EnumSet.copyOf(Arrays.asList(annotation.priorities()));
			return new Found(key, new NotificationListenerMethod(bean, invocable, arguments, priorities,
					filter(annotation), description));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new RpcDefinitionException(ANNOTATION, description, String.valueOf(ex.getMessage()), ex);
		}
	}

	private static void check(Method method) {
		if (Modifier.isStatic(method.getModifiers())) {
			throw new IllegalArgumentException("a listener method must not be static");
		}
		if (Modifier.isPrivate(method.getModifiers())) {
			throw new IllegalArgumentException(
					"a listener method must not be private: it is called on the bean, through its proxy");
		}
		Class<?> returned = method.getReturnType();
		if (returned != void.class && returned != Void.class && returned != NotificationResult.class) {
			throw new IllegalArgumentException(
					"a listener method returns void or NotificationResult, not " + returned.getSimpleName());
		}
	}

	private static Method invocable(Method method, Object bean) {
		try {
			return AopUtils.selectInvocableMethod(method, bean.getClass());
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("the bean is a JDK proxy that does not expose this method: declare it "
					+ "on an interface the bean implements, or use class proxies", ex);
		}
	}

	private List<String> topics(RpcNotificationListener annotation) {
		if (annotation.topics().length == 0) {
			return this.defaultTopics;
		}
		Set<String> topics = new LinkedHashSet<>();
		for (String value : annotation.topics()) {
			for (String topic : StringUtils.commaDelimitedListToStringArray(resolve("topics", value))) {
				if (topic.isBlank()) {
					throw new IllegalArgumentException("topics " + Arrays.toString(annotation.topics())
							+ " holds a blank topic; name topics, e.g. topics = \"notifications\"");
				}
				topics.add(topic.trim());
			}
		}
		if (topics.isEmpty()) {
			throw new IllegalArgumentException("topics " + Arrays.toString(annotation.topics()) + " names no topic");
		}
		return List.copyOf(topics);
	}

	private @Nullable NotificationFilter filter(RpcNotificationListener annotation) {
		String eventType = blankToNull(annotation.eventType());
		String publisherId = blankToNull(annotation.publisherId());
		if (eventType == null && publisherId == null) {
			return null;
		}
		NotificationFilter.Builder builder = NotificationFilter.builder();
		if (eventType != null) {
			builder.eventType(regex("eventType", eventType));
		}
		if (publisherId != null) {
			builder.publisherId(regex("publisherId", publisherId));
		}
		return builder.build();
	}

	private static String regex(String attribute, String value) {
		try {
			Pattern.compile(value);
			return value;
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException(attribute + " '" + value + "' is not a regular expression: "
					+ ex.getDescription() + " near index " + ex.getIndex(), ex);
		}
	}

	private @Nullable String blankToNull(String value) {
		String resolved = resolve("attribute", value);
		return (resolved.isBlank()) ? null : resolved.trim();
	}

	private String resolve(String attribute, String value) {
		if (value.isEmpty()) {
			return value;
		}
		try {
			String resolved = this.placeholders.apply(value);
			return (resolved != null) ? resolved : "";
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("cannot resolve " + attribute + " '" + value + "': " + ex.getMessage(),
					ex);
		}
	}

	private static String describe(Method method) {
		return method.getDeclaringClass().getName() + "#" + method.getName()
				+ Arrays.stream(method.getParameterTypes())
					.map(Class::getSimpleName)
					.collect(Collectors.joining(", ", "(", ")"));
	}

	/**
	 * A listener method found.
	 *
	 * @param key the listener it joins
	 * @param endpoint the method as an endpoint
	 */
	record Found(ListenerKey key, NotificationListenerMethod endpoint) {
	}

}
