package io.oslo4j.rpc.security;

import java.util.concurrent.atomic.AtomicInteger;

import io.oslo4j.rpc.annotation.RpcEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * The endpoint the fuzz test aims at: two plain methods, and a few that must never be
 * reachable (private, protected, package, static, underscored).
 */
@RpcEndpoint(version = "1.0")
public class FuzzEndpoint {

	final AtomicInteger hidden = new AtomicInteger();

	public long add(long a, long b) {
		return a + b;
	}

	public @Nullable Object echo(@Nullable Object value) {
		return value;
	}

	public void _hidden() {
		this.hidden.incrementAndGet();
	}

	public static void util() {
		throw new IllegalStateException("static methods are not callable");
	}

	protected void prot() {
		this.hidden.incrementAndGet();
	}

	void pkg() {
		this.hidden.incrementAndGet();
	}

	@SuppressWarnings("unused")
	private void priv() {
		this.hidden.incrementAndGet();
	}

}
