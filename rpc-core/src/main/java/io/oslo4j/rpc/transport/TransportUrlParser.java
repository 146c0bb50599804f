package io.oslo4j.rpc.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.oslo4j.rpc.transport.TransportUrl.Host;
import org.jspecify.annotations.Nullable;

/**
 * Parses transport URLs the way oslo's {@code TransportURL.parse} does. Every error
 * message shows the URL with its passwords masked.
 */
final class TransportUrlParser {

	private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

	private final String url;

	TransportUrlParser(String url) {
		this.url = url;
	}

	TransportUrl parse() {
		int schemeEnd = this.url.indexOf("://");
		if (schemeEnd <= 0 || !SCHEME.matcher(this.url.substring(0, schemeEnd)).matches()) {
			throw invalid("No scheme specified (expected driver://..., e.g. rabbit://user:pass@host:5672/)");
		}
		String scheme = this.url.substring(0, schemeEnd).toLowerCase(java.util.Locale.ROOT);
		String rest = this.url.substring(schemeEnd + 3);
		int fragment = rest.indexOf('#');
		if (fragment >= 0) {
			rest = rest.substring(0, fragment);
		}
		String query = null;
		int q = rest.indexOf('?');
		if (q >= 0) {
			query = rest.substring(q + 1);
			rest = rest.substring(0, q);
		}
		String path = null;
		int slash = rest.indexOf('/');
		if (slash >= 0) {
			path = rest.substring(slash);
			rest = rest.substring(0, slash);
		}
		if (this.url.indexOf('@', schemeEnd + 3 + rest.length()) >= 0) {
			// oslo would take the text after a raw '/', '?' or '#' of a password for the
			// vhost or the query and the rest of the password for a host or port: refuse
			throw invalid("'@' after the host list: percent-encode '/', '?', '#' and ',' in user names and "
					+ "passwords (%2F, %3F, %23, %2C) and '@' in the virtual host or query (%40)");
		}
		List<Host> hosts = new ArrayList<>();
		for (String piece : rest.split(",", -1)) {
			if (!piece.isEmpty()) {
				hosts.add(parseHost(piece, hosts.size() + 1));
			}
		}
		String virtualHost = (path != null) ? decode(path.substring(1), "virtual host") : null;
		return new TransportUrl(driverName(scheme), hosts, virtualHost, parseQuery(query));
	}

	private static String driverName(String scheme) {
		String driver = scheme.split("\\+", 2)[0];
		return driver.equals("kombu") ? "rabbit" : driver;
	}

	private Host parseHost(String piece, int index) {
		String username = null;
		String password = null;
		String hostPort = piece;
		int at = piece.lastIndexOf('@');
		if (at >= 0) {
			String userInfo = piece.substring(0, at);
			hostPort = piece.substring(at + 1);
			int colon = userInfo.indexOf(':');
			if (colon >= 0) {
				username = decode(userInfo.substring(0, colon), "user name of host " + index);
				password = decode(userInfo.substring(colon + 1), "password of host " + index);
			}
			else {
				username = decode(userInfo, "user name of host " + index);
			}
		}
		String hostname;
		String port = null;
		if (hostPort.startsWith("[")) {
			int close = hostPort.indexOf(']');
			if (close < 0) {
				throw invalid("Invalid IPv6 URL: missing ']' in host " + index);
			}
			hostname = hostPort.substring(1, close);
			String after = hostPort.substring(close + 1);
			if (after.startsWith(":")) {
				port = after.substring(1);
			}
			else if (!after.isEmpty()) {
				throw invalid("unexpected text after the IPv6 address of host " + index);
			}
		}
		else {
			// oslo splits at the first ':', so "h:1:2" has the port "1:2", not a number
			int colon = hostPort.indexOf(':');
			if (colon >= 0) {
				hostname = hostPort.substring(0, colon);
				port = hostPort.substring(colon + 1);
			}
			else {
				hostname = hostPort;
			}
		}
		return new Host(hostname.isEmpty() ? null : hostname, parsePort(port, index), username, password);
	}

	private @Nullable Integer parsePort(@Nullable String port, int index) {
		if (port == null || port.isEmpty()) {
			return null;
		}
		try {
			int value = Integer.parseInt(port);
			if (value < 1 || value > 65535) {
				throw invalid("the port of host " + index + " is out of range (1-65535)");
			}
			return value;
		}
		catch (NumberFormatException ex) {
			// the port is not shown: with a ',' in a password, it is part of the password
			throw invalid("the port of host " + index + " is not a number");
		}
	}

	private Map<String, String> parseQuery(@Nullable String query) {
		Map<String, String> options = new LinkedHashMap<>();
		if (query == null || query.isEmpty()) {
			return options;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			if (eq < 0) {
				continue;
			}
			// as parse_qs: a value empty before decoding is dropped, "%20" is kept
			if (eq == pair.length() - 1) {
				continue;
			}
			String key = decodeQuery(pair.substring(0, eq));
			String value = decodeQuery(pair.substring(eq + 1));
			if (key.isEmpty()) {
				continue;
			}
			options.merge(key, value, (a, b) -> a + "," + b);
		}
		return options;
	}

	private String decode(String value, String what) {
		try {
			return TransportUrl.decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("bad percent-encoding in the " + what);
		}
	}

	private String decodeQuery(String value) {
		try {
			return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("bad percent-encoding in the query");
		}
	}

	private InvalidTransportUrlException invalid(String reason) {
		return new InvalidTransportUrlException(masked(this.url), reason);
	}

	/**
	 * Masks every password of a URL that may not parse: whatever stands between the first
	 * {@code :} of a host's user part and its last {@code @}.
	 */
	static String masked(String url) {
		int schemeEnd = url.indexOf("://");
		int start = (schemeEnd >= 0) ? schemeEnd + 3 : 0;
		int end = url.length();
		// a password may hold '/', '?' or '#': the host part ends after the last '@'
		int lastAt = url.lastIndexOf('@');
		int from = Math.max(start, lastAt + 1);
		for (char c : new char[] { '/', '?', '#' }) {
			int i = url.indexOf(c, from);
			if (i >= 0 && i < end) {
				end = i;
			}
		}
		StringBuilder sb = new StringBuilder(url.substring(0, start));
		String[] pieces = url.substring(start, end).split(",", -1);
		// a password holding ',' splits into "user:pa" (a port that is not a number) and
		// "ss@host" (a user part without ':'): mask both
		boolean cut = false;
		for (int i = 0; i < pieces.length; i++) {
			String piece = pieces[i];
			int at = piece.lastIndexOf('@');
			if (at >= 0) {
				String user = piece.substring(0, at);
				int colon = user.indexOf(':');
				if (colon >= 0) {
					piece = user.substring(0, colon) + ":****" + piece.substring(at);
				}
				else if (cut) {
					piece = "****" + piece.substring(at);
				}
				cut = false;
			}
			else if (!piece.startsWith("[") && piece.indexOf(':') >= 0
					&& !piece.substring(piece.indexOf(':') + 1).matches("[0-9]*")) {
				piece = piece.substring(0, piece.indexOf(':')) + ":****";
				cut = true;
			}
			sb.append((i > 0) ? "," : "").append(piece);
		}
		return sb.append(url.substring(end)).toString();
	}

}
