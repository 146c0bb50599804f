package io.oslo4j.rpc.boot.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of oslo4j: UP when the transport is connected and every RPC server consumes all
 * its queues; DOWN with a {@code reason} otherwise (broker unreachable, a server that
 * could not start, or a consumer died). A server that could not start (with
 * {@code rpc.fail-fast=false} it is retried in the background) gives its failure's
 * message as the reason: when the broker refused a declaration, that message says which
 * option makes this service declare what the deployment has. Details: {@code url} and
 * {@code hosts} with masked passwords, {@code driver}, {@code virtualHost},
 * {@code controlExchange}, the served {@code topics}, and per server its {@code topic},
 * {@code server}, {@code running}, {@code consumers} (live consumers registered with the
 * broker: three per server on RabbitMQ), {@code inFlight} and, while it could not start,
 * {@code error}.
 * <p>
 * Cheap and non-blocking: it reads the transport's state and never waits for a
 * connection. When the transport is not connected it asks it to connect in the background
 * ({@link Transport#connect(Duration)} with a zero timeout), so an idle client
 * application turns UP again once the broker is back.
 */
public class RpcHealthIndicator extends AbstractHealthIndicator {

	private final Transport transport;

	private final @Nullable RpcEndpointRegistry registry;

	/**
	 * Makes the indicator.
	 * @param transport the transport
	 * @param registry the endpoint registry, or {@code null} when no server is configured
	 */
	public RpcHealthIndicator(Transport transport, @Nullable RpcEndpointRegistry registry) {
		super("RPC health check failed");
		this.transport = transport;
		this.registry = registry;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean connected = this.transport.connect(Duration.ZERO);
		TransportUrl url = this.transport.url();
		builder.withDetail("url", url.toString())
			.withDetail("driver", url.driver())
			.withDetail("hosts", url.hosts().stream().map(TransportUrl.Host::toString).toList())
			.withDetail("virtualHost", url.effectiveVirtualHost())
			.withDetail("controlExchange", this.transport.controlExchange());
		List<RpcServer> current = (this.registry != null) ? this.registry.servers() : List.of();
		Set<String> topics = new LinkedHashSet<>();
		List<Map<String, Object>> servers = new ArrayList<>();
		List<String> notConsuming = new ArrayList<>();
		List<String> startFailures = new ArrayList<>();
		for (RpcServer server : current) {
			topics.add(String.valueOf(server.target().topic()));
			boolean running = server.isRunning();
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("topic", String.valueOf(server.target().topic()));
			detail.put("server", String.valueOf(server.target().server()));
			detail.put("running", running);
			detail.put("consumers", server.consumerCount());
			detail.put("inFlight", server.inFlight());
			RuntimeException failure = (!running && this.registry != null) ? this.registry.startFailure(server) : null;
			if (failure != null) {
				detail.put("error", ConsumingStatus.error(failure));
				startFailures.add("RPC server " + server.target().topic() + "." + server.target().server()
						+ " could not start: " + failure.getMessage());
			}
			else if (!running) {
				notConsuming.add(server.target().toString());
			}
			servers.add(detail);
		}
		builder.withDetail("topics", topics).withDetail("servers", servers);
		ConsumingStatus.apply(builder, connected, "RPC servers", notConsuming, startFailures);
	}

}
