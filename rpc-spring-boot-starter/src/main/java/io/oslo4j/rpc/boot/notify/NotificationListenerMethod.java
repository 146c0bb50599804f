package io.oslo4j.rpc.boot.notify;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Set;

import io.oslo4j.rpc.notify.Notification;
import io.oslo4j.rpc.notify.NotificationEndpoint;
import io.oslo4j.rpc.notify.NotificationFilter;
import io.oslo4j.rpc.notify.NotificationResult;
import io.oslo4j.rpc.notify.NotificationPriority;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * One {@code @RpcNotificationListener} method as an oslo notification endpoint: it
 * handles its priorities, screens with its filter, and calls the method on the bean (its
 * proxy, if any) with the arguments worked out at startup. A {@code null} or {@code void}
 * result means {@link NotificationResult#HANDLED}; an exception thrown by the method is
 * rethrown (a checked one wrapped), which the listener treats as a requeue request, as
 * oslo does.
 */
final class NotificationListenerMethod implements NotificationEndpoint {

	private final Object bean;

	private final Method invocable;

	private final NotificationArguments arguments;

	private final Set<NotificationPriority> priorities;

	private final @Nullable NotificationFilter filter;

	private final String description;

	NotificationListenerMethod(Object bean, Method invocable, NotificationArguments arguments,
			Set<NotificationPriority> priorities, @Nullable NotificationFilter filter, String description) {
		this.bean = bean;
		this.invocable = invocable;
		this.arguments = arguments;
		this.priorities = Set.copyOf(priorities);
		this.filter = filter;
		this.description = description;
		ReflectionUtils.makeAccessible(invocable);
	}

	@Override
	public Set<NotificationPriority> priorities() {
		return this.priorities;
	}

	@Override
	public @Nullable NotificationFilter filter() {
		return this.filter;
	}

	@Override
	public NotificationResult handle(NotificationPriority priority, Notification notification) {
		Object result;
		try {
			result = this.invocable.invoke(this.bean, this.arguments.resolve(notification));
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new UndeclaredThrowableException(cause, this.description + " threw " + cause);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot call " + this.description, ex);
		}
		return (result instanceof NotificationResult outcome) ? outcome : NotificationResult.HANDLED;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
