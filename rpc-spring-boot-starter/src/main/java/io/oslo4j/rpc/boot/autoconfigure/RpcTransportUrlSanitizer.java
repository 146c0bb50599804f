package io.oslo4j.rpc.boot.autoconfigure;

import java.util.Locale;
import java.util.regex.Pattern;

import io.oslo4j.rpc.transport.TransportUrl;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the passwords of transport URLs in {@code /actuator/configprops} and
 * {@code /actuator/env} when values are shown: {@code rpc.transport-url},
 * {@code rpc.transport_url}, {@code RPC_TRANSPORT_URL} and any key ending in
 * {@code transport-url}. The URL stays readable ({@code rabbit://guest:****@host:5672/});
 * a value that is not a valid URL is masked whole.
 */
final class RpcTransportUrlSanitizer implements SanitizingFunction {

	private static final Pattern USER_INFO_PASSWORD = Pattern.compile("([^:/@,]+):[^@,]*@");

	@Override
	public SanitizableData apply(SanitizableData data) {
		Object value = data.getValue();
		if (value == null || !isTransportUrlKey(data.getKey())) {
			return data;
		}
		return data.withValue(mask(value.toString()));
	}

	static boolean isTransportUrlKey(String key) {
		String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		return normalized.endsWith("transporturl");
	}

	static String mask(String url) {
		try {
			return TransportUrl.parse(url).toString();
		}
		catch (RuntimeException ex) {
			String masked = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:****@");
			return masked.equals(url) && url.contains("@") ? SanitizableData.SANITIZED_VALUE : masked;
		}
	}

}
