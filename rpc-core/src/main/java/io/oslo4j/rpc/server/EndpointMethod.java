package io.oslo4j.rpc.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.annotation.ExpectedExceptions;
import io.oslo4j.rpc.naming.WireNames;
import io.oslo4j.rpc.serializer.SerializationException;
import io.oslo4j.rpc.serializer.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * One callable endpoint method, called by its wire name: binds keyword arguments to
 * parameters by their wire names, converts them to the declared types, injects the
 * {@link RpcContext}, and invokes. Argument mistakes fail as a Python server's would,
 * with {@code TypeError} naming the argument.
 */
final class EndpointMethod {

	private final Method method;

	private final String wireName;

	private final String[] names;

	private final Type[] types;

	private final boolean[] context;

	private final int argumentCount;

	private final Class<? extends Throwable>[] expected;

	@SuppressWarnings("unchecked")
	EndpointMethod(Method method, String wireName, WireNames wireNames) {
		this.method = method;
		this.wireName = wireName;
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
			this.names[i] = wireNames.argumentName(parameter, method.toString());
		}
		this.argumentCount = count;
		ExpectedExceptions annotation = method.getAnnotation(ExpectedExceptions.class);
		this.expected = (annotation != null) ? annotation.value() : new Class[0];
		method.trySetAccessible();
	}

	/** The name the method is called by. */
	String name() {
		return this.wireName;
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
		// as CPython: an unexpected keyword is reported before missing arguments, and all
		// missing arguments are named at once
		for (Object key : args.keySet()) {
			if (!isParameter(key)) {
				throw DispatchFailure.builtin("TypeError",
						qualifiedName() + "() got an unexpected keyword argument '" + key + "'");
			}
		}
		List<String> missing = new ArrayList<>();
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
				}
				else {
					missing.add(name);
				}
				continue;
			}
			try {
				values[i] = serializer.deserializeEntity(ctx, args.get(name), this.types[i]);
			}
			catch (SerializationException ex) {
				throw DispatchFailure.builtin("TypeError",
						qualifiedName() + "() argument '" + name + "': " + ex.getMessage());
			}
		}
		if (!missing.isEmpty()) {
			throw DispatchFailure.builtin("TypeError", qualifiedName() + "() missing " + missing.size()
					+ " required positional argument" + ((missing.size() == 1) ? "" : "s") + ": " + names(missing));
		}
		return values;
	}

	/** Python's {@code __qualname__} of the method, e.g. {@code Api.add}. */
	private String qualifiedName() {
		Class<?> type = this.method.getDeclaringClass();
		String name = type.getName()
			.substring(type.getPackageName().isEmpty() ? 0 : type.getPackageName().length() + 1);
		return name.replace('$', '.') + "." + name();
	}

	/** CPython's list of missing names: 'a', 'a' and 'b', 'a', 'b', and 'c'. */
	private static String names(List<String> missing) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < missing.size(); i++) {
			if (i > 0) {
				out.append((missing.size() == 2) ? " and " : (i == missing.size() - 1) ? ", and " : ", ");
			}
			out.append('\'').append(missing.get(i)).append('\'');
		}
		return out.toString();
	}

	private boolean isParameter(Object key) {
		for (int i = 0; i < this.names.length; i++) {
			if (!this.context[i] && key.equals(this.names[i])) {
				return true;
			}
		}
		return false;
	}

	private boolean isOptional(int index) {
		Type type = this.types[index];
		return type == Optional.class
				|| (type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() == Optional.class);
	}

	int argumentCount() {
		return this.argumentCount;
	}

	/**
	 * The wire names of the arguments a caller sends, in order ({@code RpcContext} left
	 * out).
	 */
	List<String> argumentNames() {
		List<String> arguments = new ArrayList<>(this.argumentCount);
		for (int i = 0; i < this.names.length; i++) {
			if (!this.context[i]) {
				arguments.add(this.names[i]);
			}
		}
		return List.copyOf(arguments);
	}

}
