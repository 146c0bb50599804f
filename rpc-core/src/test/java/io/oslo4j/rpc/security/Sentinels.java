package io.oslo4j.rpc.security;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records which sentinel classes were initialized: their static initializers add their
 * names here, so a test shows that no message made oslo4j load and initialize them. Test
 * code names the sentinels only as strings.
 */
final class Sentinels {

	static final Set<String> INITIALIZED = ConcurrentHashMap.newKeySet();

	private Sentinels() {
	}

}
