package io.oslo4j.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.RpcException;
import io.oslo4j.rpc.RpcTimeoutException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps RPC outcomes to HTTP: a remote failure is 502 with its {@code class},
 * {@code module} and {@code message}; a timeout is 504; any other RPC failure is 503 (the
 * broker cannot take the request, or refused to declare a queue or exchange, in which
 * case the message says which option to set); a bad request parameter is 400. Every error
 * body is JSON.
 */
@RestControllerAdvice
public class SampleErrors {

	@ExceptionHandler(RemoteRpcException.class)
	ResponseEntity<Map<String, @Nullable Object>> remote(RemoteRpcException ex) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("class", ex.remoteClass());
		body.put("module", ex.remoteModule());
		body.put("message", ex.remoteMessage());
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(body);
	}

	@ExceptionHandler(RpcTimeoutException.class)
	ResponseEntity<Map<String, @Nullable Object>> timeout(RpcTimeoutException ex) {
		return error(HttpStatus.GATEWAY_TIMEOUT, "timeout", ex.getMessage());
	}

	/**
	 * Any RPC failure that is neither a remote error nor a timeout: the call could not be
	 * made (a {@link io.oslo4j.rpc.RpcDeliveryException}: the broker is unreachable or
	 * did not confirm; a {@link io.oslo4j.rpc.rabbit.DeclarationException}: the broker
	 * refused a declaration, and the message names the option to set).
	 * @param ex the failure
	 * @return 503 with {@code error} and {@code message}
	 */
	@ExceptionHandler(RpcException.class)
	ResponseEntity<Map<String, @Nullable Object>> unavailable(RpcException ex) {
		return error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", ex.getMessage());
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
			HttpMessageNotReadableException.class })
	ResponseEntity<Map<String, @Nullable Object>> badRequest(Exception ex) {
		String message = (ex instanceof MethodArgumentTypeMismatchException mismatch)
				? "parameter '" + mismatch.getName() + "' must be a "
						+ ((mismatch.getRequiredType() != null) ? mismatch.getRequiredType().getSimpleName() : "value")
				: ex.getMessage();
		return error(HttpStatus.BAD_REQUEST, "bad_request", message);
	}

	private static ResponseEntity<Map<String, @Nullable Object>> error(HttpStatus status, String error,
			@Nullable String message) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("message", message);
		return ResponseEntity.status(status).body(body);
	}

}
