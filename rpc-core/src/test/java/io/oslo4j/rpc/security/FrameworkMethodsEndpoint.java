package io.oslo4j.rpc.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import io.oslo4j.rpc.annotation.RpcNotificationListener;
import io.oslo4j.rpc.notify.Notification;

import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An endpoint written the way Spring users write beans: it implements generic framework
 * and JDK interfaces with type-specialised overrides, and has methods that frameworks
 * call because of an annotation. Only {@code echo} is an RPC method; records any other
 * that runs.
 */
public class FrameworkMethodsEndpoint implements ApplicationListener<FrameworkMethodsEndpoint.CacheFlushEvent>,
		Function<String, String>, Consumer<String>, Comparable<FrameworkMethodsEndpoint> {

	/** Each refused method, with arguments it would accept if it were callable. */
	public static final List<List<Object>> REFUSED = List.of(
			List.of("onApplicationEvent", "event", Map.of("source", "x")), List.of("apply", "value", "x"),
			List.of("accept", "value", "x"), List.of("compareTo", "other", "x"), List.of("onFlush", "event", "x"),
			List.of("onNotification", "notification", "x"), List.of("tick"), List.of("onMessage", "body", "x"),
			List.of("afterCommit", "event", "x"), List.of("onAudit", "event", "x"));

	/** A composed annotation whose meta-annotation makes the method an event listener. */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@EventListener
	public @interface OnAudit {

	}

	/** An event whose JSON form a caller could send. */
	public static class CacheFlushEvent extends ApplicationEvent {

		private static final long serialVersionUID = 1L;

		public CacheFlushEvent(String source) {
			super(source);
		}

	}

	public final List<String> ran = new CopyOnWriteArrayList<>();

	public String echo(String value) {
		return value;
	}

	@Override
	public void onApplicationEvent(CacheFlushEvent event) {
		this.ran.add("onApplicationEvent");
	}

	@Override
	public String apply(String value) {
		this.ran.add("apply");
		return value;
	}

	@Override
	public void accept(String value) {
		this.ran.add("accept");
	}

	@Override
	public int compareTo(FrameworkMethodsEndpoint other) {
		this.ran.add("compareTo");
		return 0;
	}

	@EventListener
	public void onFlush(String event) {
		this.ran.add("onFlush");
	}

	@RpcNotificationListener(topics = "notifications", eventType = "compute\\..*")
	public void onNotification(Notification notification) {
		this.ran.add("onNotification");
	}

	@Scheduled(fixedDelay = 3_600_000, initialDelay = 3_600_000)
	public void tick() {
		this.ran.add("tick");
	}

	@RabbitListener(queues = "audit")
	public void onMessage(String body) {
		this.ran.add("onMessage");
	}

	@TransactionalEventListener
	public void afterCommit(String event) {
		this.ran.add("afterCommit");
	}

	@OnAudit
	public void onAudit(String event) {
		this.ran.add("onAudit");
	}

}
