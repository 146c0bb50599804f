package io.oslo4j.rpc.server;

import java.math.BigInteger;

import io.oslo4j.rpc.RpcVersion;

/**
 * oslo's {@code version_is_compatible(imp, req)} for a requested version given as a
 * string, step by step as Python evaluates it, so malformed versions fail where and how
 * they fail in Python: the major is compared first (a one-part version of another major
 * is merely incompatible), then {@code parts[1]} ({@code IndexError} when absent), and
 * the revision is only parsed when the minors are equal.
 * <p>
 * What clients send ({@code "1.3"}, {@code "2.0.1"}: two or three runs of ASCII digits)
 * is read in one pass without allocating; anything else takes the general route, which
 * splits and parses as Python's {@code int()} does.
 */
final class PythonVersionCheck {

	/** {@link #simple} could not read the version: the general route decides. */
	static final int NOT_SIMPLE = -1;

	// nine digits always fit an int
	private static final int MAX_SIMPLE_DIGITS = 9;

	private PythonVersionCheck() {
	}

	/**
	 * Returns whether an endpoint of the implemented version serves the requested one.
	 * @param implemented the endpoint's version
	 * @param requested the request's version
	 * @return whether it is compatible
	 * @throws DispatchFailure Python's {@code IndexError} or {@code ValueError} for a
	 * malformed version
	 */
	static boolean isCompatible(RpcVersion implemented, String requested) {
		int simple = simple(implemented, requested);
		return (simple != NOT_SIMPLE) ? simple == 1 : python(implemented, requested);
	}

	/**
	 * The check for a version of two or three dot-separated runs of one to nine ASCII
	 * digits.
	 * @param implemented the endpoint's version
	 * @param requested the request's version
	 * @return 1 when compatible, 0 when not, {@link #NOT_SIMPLE} for any other text
	 */
	static int simple(RpcVersion implemented, String requested) {
		int length = requested.length();
		int major = 0;
		int minor = 0;
		int revision = 0;
		int parts = 0;
		int value = 0;
		int digits = 0;
		for (int i = 0; i <= length; i++) {
			char c = (i < length) ? requested.charAt(i) : '.';
			if (c >= '0' && c <= '9') {
				if (++digits > MAX_SIMPLE_DIGITS) {
					return NOT_SIMPLE;
				}
				value = value * 10 + (c - '0');
			}
			else if (c == '.' && digits > 0 && parts < 3) {
				switch (parts++) {
					case 0 -> major = value;
					case 1 -> minor = value;
					default -> revision = value;
				}
				value = 0;
				digits = 0;
			}
			else {
				return NOT_SIMPLE;
			}
		}
		if (parts < 2) {
			return NOT_SIMPLE;
		}
		return implemented.accepts(new RpcVersion(major, minor, (parts == 3) ? revision : -1)) ? 1 : 0;
	}

	/**
	 * The check as Python runs it, for any text.
	 * @param implemented the endpoint's version
	 * @param requested the request's version
	 * @return whether it is compatible
	 * @throws DispatchFailure Python's {@code IndexError} or {@code ValueError} for a
	 * malformed version
	 */
	static boolean python(RpcVersion implemented, String requested) {
		String[] parts = requested.split("\\.", -1);
		if (pythonInt(parts[0]).compareTo(BigInteger.valueOf(implemented.major())) != 0) {
			return false;
		}
		if (parts.length < 2) {
			throw DispatchFailure.builtin("IndexError", "list index out of range");
		}
		int minor = pythonInt(parts[1]).compareTo(BigInteger.valueOf(implemented.minor()));
		if (minor > 0) {
			return false;
		}
		if (minor == 0 && parts.length > 2) {
			return pythonInt(parts[2]).compareTo(BigInteger.valueOf(Math.max(implemented.revision(), 0))) <= 0;
		}
		return true;
	}

	private static BigInteger pythonInt(String part) {
		try {
			return new BigInteger(part.strip());
		}
		catch (NumberFormatException ex) {
			throw DispatchFailure.builtin("ValueError", "invalid literal for int() with base 10: '" + part + "'");
		}
	}

}
