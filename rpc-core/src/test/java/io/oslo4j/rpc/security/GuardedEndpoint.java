package io.oslo4j.rpc.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;

/**
 * An endpoint with every kind of method that must not be callable over RPC: lifecycle
 * callbacks, container setters, injection points, {@code Object} overrides, underscored
 * and {@code $} names, non-public and static methods. Records any that runs.
 */
public class GuardedEndpoint
		implements InitializingBean, DisposableBean, AutoCloseable, BeanNameAware, ApplicationContextAware, Runnable {

	/** A composed annotation: injection through a meta-annotation. */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Autowired
	public @interface Injected {

	}

	/** The forbidden methods, each with arguments it would accept if it were callable. */
	static final List<List<Object>> FORBIDDEN = List.of(List.of("getClass"), List.of("hashCode"), List.of("wait"),
			List.of("notify"), List.of("notifyAll"), List.of("toString"), List.of("equals", "other", "x"),
			List.of("clone"), List.of("finalize"), List.of("afterPropertiesSet"), List.of("destroy"), List.of("close"),
			List.of("run"), List.of("setBeanName", "name", "x"),
			List.of("setApplicationContext", "applicationContext", "x"), List.of("setHelper", "helper", "x"),
			List.of("setLimit", "limit", 1), List.of("setTarget", "target", "x"), List.of("_private"),
			List.of("__init__"), List.of("a$b"), List.of("prot"), List.of("pkg"), List.of("priv"), List.of("util"));

	final List<String> ran = new CopyOnWriteArrayList<>();

	public String echo(String value) {
		return value;
	}

	@Override
	public void afterPropertiesSet() {
		this.ran.add("afterPropertiesSet");
	}

	@Override
	public void destroy() {
		this.ran.add("destroy");
	}

	@Override
	public void close() {
		this.ran.add("close");
	}

	@Override
	public void run() {
		this.ran.add("run");
	}

	@Override
	public void setBeanName(String name) {
		this.ran.add("setBeanName");
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.ran.add("setApplicationContext");
	}

	@Autowired
	public void setHelper(String helper) {
		this.ran.add("setHelper");
	}

	@Value("${limit:1}")
	public void setLimit(int limit) {
		this.ran.add("setLimit");
	}

	@Injected
	public void setTarget(String target) {
		this.ran.add("setTarget");
	}

	public void _private() {
		this.ran.add("_private");
	}

	public void __init__() {
		this.ran.add("__init__");
	}

	public void a$b() {
		this.ran.add("a$b");
	}

	protected void prot() {
		this.ran.add("prot");
	}

	void pkg() {
		this.ran.add("pkg");
	}

	@SuppressWarnings("unused")
	private void priv() {
		this.ran.add("priv");
	}

	public static void util() {
		throw new IllegalStateException("static methods are not callable");
	}

	@Override
	public String toString() {
		return "GuardedEndpoint";
	}

	@Override
	public boolean equals(Object other) {
		return this == other;
	}

	@Override
	public int hashCode() {
		return 1;
	}

}
