package io.oslo4j.rpc.notify;

import java.util.EnumSet;
import java.util.Set;

/**
 * Finds the priorities an endpoint class handles: those whose method it overrides.
 */
final class EndpointPriorities {

	private EndpointPriorities() {
	}

	static Set<NotificationPriority> overridden(Class<?> type, Class<?> contract, Class<?>... parameterTypes) {
		Set<NotificationPriority> result = EnumSet.noneOf(NotificationPriority.class);
		for (NotificationPriority priority : NotificationPriority.values()) {
			try {
				if (type.getMethod(priority.lowerName(), parameterTypes).getDeclaringClass() != contract) {
					result.add(priority);
				}
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(contract.getSimpleName() + " has no method " + priority.lowerName(),
						ex);
			}
		}
		return result;
	}

}
