package io.oslo4j.rpc.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.ExpectedExceptions;
import io.oslo4j.rpc.annotation.RpcParam;
import io.oslo4j.rpc.serializer.SerializationException;
import io.oslo4j.rpc.serializer.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * One callable endpoint method: binds keyword arguments to parameters by name, converts
 * them to the declared types, injects the {@link RpcContext}, and invokes. Argument
 * mistakes fail as a Python server's would, with {@code TypeError} naming the argument.
 */
final class EndpointMethod {

	private final Method method;

	private final String[] names;

	private final Type[] types;

	private final boolean[] context;

	private final int argumentCount;

	private final Class<? extends Throwable>[] expected;

	@SuppressWarnings("unchecked")
	EndpointMethod(Method method) {
		this.method = method;
		Parameter[] parameters = method.getParameters();
		this.names = new String[parameters.length];
		this.types = new Type[parameters.length];
		this.context = new boolean[parameters.length];
		int count = 0;
		for (int i = 0; i < parameters.length; i++) {
			Parameter parameter = parameters[i];
			this.types[i] = parameter.getParameterizedType();
			if (parameter.getType() == RpcContext.class) {
				this.context[i] = true;
				continue;
			}
			count++;
			RpcParam rpcParam = parameter.getAnnotation(RpcParam.class);
			if (rpcParam != null) {
				this.names[i] = rpcParam.value();
			}
			else if (parameter.isNamePresent()) {
				this.names[i] = parameter.getName();
			}
			else {
				throw new IllegalArgumentException("Cannot read the parameter names of " + method
						+ ": compile with -parameters or annotate the parameters with @RpcParam");
			}
		}
		this.argumentCount = count;
		ExpectedExceptions annotation = method.getAnnotation(ExpectedExceptions.class);
		this.expected = (annotation != null) ? annotation.value() : new Class[0];
		method.trySetAccessible();
	}

	String name() {
		return this.method.getName();
	}

	Method method() {
		return this.method;
	}

	boolean isExpected(Throwable ex) {
		for (Class<? extends Throwable> type : this.expected) {
			if (type.isInstance(ex)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Binds the arguments and invokes the method on the target.
	 * @throws DispatchFailure for argument errors
	 * @throws InvocationTargetException wrapping what the method threw
	 */
	@Nullable Object invoke(Object target, RpcContext ctx, Map<?, ?> args, Serializer serializer)
			throws InvocationTargetException {
		Object[] values = bind(ctx, args, serializer);
		try {
			return this.method.invoke(target, values);
		}
		catch (IllegalAccessException ex) {
			throw DispatchFailure.builtin("TypeError", name() + "() is not accessible");
		}
	}

	private Object[] bind(RpcContext ctx, Map<?, ?> args, Serializer serializer) {
		int matched = 0;
		Object[] values = new Object[this.names.length];
		for (int i = 0; i < values.length; i++) {
			if (this.context[i]) {
				values[i] = ctx;
				continue;
			}
			String name = this.names[i];
			if (!args.containsKey(name)) {
				if (isOptional(i)) {
					values[i] = Optional.empty();
					continue;
				}
				throw DispatchFailure.builtin("TypeError",
						name() + "() missing 1 required positional argument: '" + name + "'");
			}
			matched++;
			try {
				values[i] = serializer.deserializeEntity(ctx, args.get(name), this.types[i]);
			}
			catch (SerializationException ex) {
				throw DispatchFailure.builtin("TypeError", name() + "() argument '" + name + "': " + ex.getMessage());
			}
		}
		if (matched != args.size()) {
			throw DispatchFailure.builtin("TypeError",
					name() + "() got an unexpected keyword argument '" + unexpected(args) + "'");
		}
		return values;
	}

	private boolean isOptional(int index) {
		Type type = this.types[index];
		return type == Optional.class
				|| (type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() == Optional.class);
	}

	private String unexpected(Map<?, ?> args) {
		for (Object key : args.keySet()) {
			boolean known = false;
			for (String name : this.names) {
				if (key.equals(name)) {
					known = true;
					break;
				}
			}
			if (!known) {
				return String.valueOf(key);
			}
		}
		return "?";
	}

	int argumentCount() {
		return this.argumentCount;
	}

}
