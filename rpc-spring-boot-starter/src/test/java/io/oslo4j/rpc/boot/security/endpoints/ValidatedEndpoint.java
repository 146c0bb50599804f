package io.oslo4j.rpc.boot.security.endpoints;

import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.security.FrameworkMethodsEndpoint;
import jakarta.validation.constraints.NotBlank;

import org.springframework.validation.annotation.Validated;

/**
 * Framework overrides and annotated callbacks on a bean that a {@code @Validated} class
 * proxy serves.
 */
@RpcEndpoint(namespace = "validated")
@Validated
public class ValidatedEndpoint extends FrameworkMethodsEndpoint {

	public String name(@NotBlank String value) {
		return value;
	}

}
