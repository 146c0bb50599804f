package io.oslo4j.rpc.boot.security.endpoints;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oslo4j.rpc.annotation.RpcEndpoint;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Transactional;

/**
 * A transactional endpoint served through a JDK interface proxy of {@link GreeterApi}.
 */
@RpcEndpoint(namespace = "jdk")
@Transactional
public class JdkProxiedEndpoint implements GreeterApi {

	public final List<String> ran = new CopyOnWriteArrayList<>();

	@Override
	public String greet(String name) {
		return "hello " + name;
	}

	@Override
	@EventListener
	public void onFlush(String event) {
		this.ran.add("onFlush");
	}

	@Override
	public String toString() {
		return "JdkProxiedEndpoint";
	}

	@Override
	public int hashCode() {
		return 1;
	}

	@Override
	public boolean equals(Object other) {
		return other == this;
	}

}
