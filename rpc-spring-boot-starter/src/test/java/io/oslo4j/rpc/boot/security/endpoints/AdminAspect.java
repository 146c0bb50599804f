package io.oslo4j.rpc.boot.security.endpoints;

import java.util.List;

import io.oslo4j.rpc.RpcContext;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;

/**
 * Runs an {@link AdminOnly} method only when its {@link RpcContext} argument carries the
 * {@code admin} role (oslo's {@code roles} context key).
 */
@Aspect
public class AdminAspect {

	@Around("@annotation(io.oslo4j.rpc.boot.security.endpoints.AdminOnly)")
	public Object adminOnly(ProceedingJoinPoint call) throws Throwable {
		for (Object argument : call.getArgs()) {
			if (argument instanceof RpcContext context && context.get("roles") instanceof List<?> roles
					&& roles.contains("admin")) {
				return call.proceed();
			}
		}
		throw new SecurityException("admin only");
	}

}
