package io.oslo4j.rpc.naming;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

import io.oslo4j.rpc.annotation.RpcMethod;
import io.oslo4j.rpc.annotation.RpcParam;
import org.springframework.core.annotation.AnnotatedMethod;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

/**
 * The names a Java method and its parameters have on the wire: the name given by
 * {@link RpcMethod} or {@link RpcParam} when there is one, used as it is; otherwise the
 * Java name under the method or argument {@link NamingStrategy}. The same rules apply to
 * client interfaces and endpoints, so a Java client and a Java server always agree.
 *
 * @param methods the strategy for method names without {@code @RpcMethod("...")}
 * @param arguments the strategy for argument names without {@code @RpcParam}
 */
public record WireNames(NamingStrategy methods, NamingStrategy arguments) {

	/** Java names unchanged: the default. */
	public static final WireNames AS_IS = new WireNames(NamingStrategy.AS_IS, NamingStrategy.AS_IS);

	/** OpenStack's style: methods and arguments in {@code snake_case}. */
	public static final WireNames SNAKE_CASE = new WireNames(NamingStrategy.SNAKE_CASE, NamingStrategy.SNAKE_CASE);

	/**
	 * Returns the wire name of a method.
	 * @param method the method
	 * @return its {@code @RpcMethod} name (on the method or a method it overrides or
	 * implements), else its Java name under {@link #methods()}
	 */
	public String methodName(Method method) {
		MergedAnnotation<RpcMethod> annotation = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY)
			.get(RpcMethod.class);
		if (annotation.isPresent() && !annotation.getString("value").isEmpty()) {
			return annotation.getString("value");
		}
		return this.methods.apply(method.getName());
	}

	/**
	 * Returns the wire name of a parameter.
	 * @param parameter the parameter
	 * @param where the method, for the message when the name cannot be read
	 * @return its {@code @RpcParam} name (on the parameter or the one it implements),
	 * else its Java name under {@link #arguments()}
	 * @throws IllegalArgumentException when the code is not compiled with
	 * {@code -parameters} and the parameter has no {@code @RpcParam}
	 */
	public String argumentName(Parameter parameter, String where) {
		RpcParam annotation = parameter.getAnnotation(RpcParam.class);
		if (annotation == null && parameter.getDeclaringExecutable() instanceof Method method) {
			// declared on the method this one implements, e.g. the shared client
			// interface
			Parameter[] parameters = method.getParameters();
			for (int i = 0; i < parameters.length; i++) {
				if (parameters[i].equals(parameter)) {
					annotation = new AnnotatedMethod(method).getMethodParameters()[i]
						.getParameterAnnotation(RpcParam.class);
				}
			}
		}
		if (annotation != null) {
			return annotation.value();
		}
		if (!parameter.isNamePresent()) {
			throw new IllegalArgumentException("Cannot read the parameter names of " + where
					+ ": compile with -parameters or annotate the parameters with @RpcParam");
		}
		return this.arguments.apply(parameter.getName());
	}

}
