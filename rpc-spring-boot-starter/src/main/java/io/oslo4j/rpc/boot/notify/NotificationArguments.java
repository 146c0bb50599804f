package io.oslo4j.rpc.boot.notify;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.RpcParam;
import io.oslo4j.rpc.notify.Notification;
import io.oslo4j.rpc.notify.NotificationPriority;
import io.oslo4j.rpc.serializer.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * How the parameters of an {@code @RpcNotificationListener} method are filled from a
 * notification (see the annotation for the rules), worked out once at startup.
 */
final class NotificationArguments {

	private static final Set<String> CONTEXT_NAMES = Set.of("ctxt", "context");

	private final List<Function<Notification, @Nullable Object>> resolvers;

	private NotificationArguments(List<Function<Notification, @Nullable Object>> resolvers) {
		this.resolvers = resolvers;
	}

	/**
	 * Works out the arguments of a method.
	 * @param method the method
	 * @param serializer converts the payload to its parameter's type
	 * @return the arguments
	 * @throws IllegalArgumentException with what is wrong, naming the parameter
	 */
	static NotificationArguments of(Method method, Serializer serializer) {
		Parameter[] parameters = method.getParameters();
		List<@Nullable Function<Notification, @Nullable Object>> resolvers = new ArrayList<>();
		List<Integer> unmatched = new ArrayList<>();
		int payload = -1;
		for (int i = 0; i < parameters.length; i++) {
			String name = name(parameters[i]);
			Function<Notification, @Nullable Object> resolver = byType(parameters[i].getType());
			if (resolver == null && name != null) {
				resolver = byName(parameters[i], name);
			}
			if (resolver == null && "payload".equals(name) && payload < 0) {
				payload = i;
			}
			else if (resolver == null) {
				unmatched.add(i);
			}
			resolvers.add(resolver);
		}
		if (payload < 0 && unmatched.size() == 1) {
			payload = unmatched.remove(0);
		}
		if (!unmatched.isEmpty()) {
			throw new IllegalArgumentException(unmatchedProblem(parameters, unmatched, payload >= 0));
		}
		List<Function<Notification, @Nullable Object>> result = new ArrayList<>();
		for (int i = 0; i < parameters.length; i++) {
			Function<Notification, @Nullable Object> resolver = resolvers.get(i);
			result.add((resolver != null) ? resolver : payload(parameters[i].getParameterizedType(), serializer));
		}
		return new NotificationArguments(List.copyOf(result));
	}

	/**
	 * Returns the arguments for a notification.
	 * @param notification the notification
	 * @return the arguments
	 * @throws io.oslo4j.rpc.serializer.SerializationException when the payload does not
	 * convert to its parameter's type
	 */
	@Nullable Object[] resolve(Notification notification) {
		@Nullable Object[] arguments = new Object[this.resolvers.size()];
		for (int i = 0; i < arguments.length; i++) {
			arguments[i] = this.resolvers.get(i).apply(notification);
		}
		return arguments;
	}

	private static @Nullable String name(Parameter parameter) {
		RpcParam param = parameter.getAnnotation(RpcParam.class);
		if (param != null) {
			return param.value();
		}
		return parameter.isNamePresent() ? parameter.getName() : null;
	}

	private static @Nullable Function<Notification, @Nullable Object> byType(Class<?> type) {
		if (type == RpcContext.class) {
			return Notification::context;
		}
		if (type == Notification.class) {
			return (notification) -> notification;
		}
		if (type == NotificationPriority.class) {
			return Notification::priority;
		}
		return null;
	}

	private static @Nullable Function<Notification, @Nullable Object> byName(Parameter parameter, String name) {
		if (CONTEXT_NAMES.contains(name)) {
			return requireType(parameter, name, Map.class, "the context (or declare it as RpcContext)",
					(n) -> n.context().asMap());
		}
		return switch (name) {
			case "metadata" ->
				requireType(parameter, name, Map.class, "the metadata (message_id, timestamp)", Notification::metadata);
			case "publisherId", "publisher_id" ->
				requireType(parameter, name, String.class, "the publisher id", Notification::publisherId);
			case "eventType", "event_type" ->
				requireType(parameter, name, String.class, "the event type", Notification::eventType);
			case "priority" -> requireType(parameter, name, String.class,
					"the priority (or declare it as NotificationPriority)", (n) -> n.priority().lowerName());
			default -> null;
		};
	}

	private static Function<Notification, @Nullable Object> requireType(Parameter parameter, String name, Class<?> type,
			String what, Function<Notification, @Nullable Object> resolver) {
		if (!parameter.getType().isAssignableFrom(type)) {
			throw new IllegalArgumentException("parameter '" + name + "' receives " + what + ": declare it as "
					+ type.getSimpleName() + ", not " + parameter.getType().getSimpleName());
		}
		return resolver;
	}

	private static Function<Notification, @Nullable Object> payload(Type type, Serializer serializer) {
		if (type == Object.class) {
			return Notification::payload;
		}
		return (n) -> serializer.deserializeEntity(n.context(), n.payload(), type);
	}

	private static String unmatchedProblem(Parameter[] parameters, List<Integer> unmatched, boolean hasPayload) {
		String names = String.join(", ", unmatched.stream().map((i) -> describe(parameters[i], i)).toList());
		if (hasPayload) {
			return "besides the payload, " + names + " cannot be filled: name it ctxt, publisherId, eventType, "
					+ "metadata or priority, or remove it";
		}
		return names + " could each be the payload: name the payload parameter payload (or "
				+ "@RpcParam(\"payload\")) and the others ctxt, publisherId, eventType, metadata or priority "
				+ "(names come from -parameters or @RpcParam)";
	}

	private static String describe(Parameter parameter, int index) {
		String name = name(parameter);
		return "parameter " + ((name != null) ? "'" + name + "'" : "#" + (index + 1)) + " ("
				+ parameter.getType().getSimpleName() + ")";
	}

}
