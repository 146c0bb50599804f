package io.oslo4j.rpc.boot.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of oslo4j: UP when the transport is connected and every RPC server consumes;
 * DOWN with a reason otherwise. Details: the URL with masked passwords, the driver, the
 * broker hosts and vhost, and each server's target and requests in flight.
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
		TransportUrl url = this.transport.url();
		List<String> hosts = new ArrayList<>();
		for (TransportUrl.Host host : url.hosts()) {
			hosts.add(host.address());
		}
		builder.withDetail("url", url.toString())
			.withDetail("driver", url.driver())
			.withDetail("hosts", hosts)
			.withDetail("virtualHost", url.effectiveVirtualHost())
			.withDetail("controlExchange", this.transport.controlExchange());
		List<Map<String, Object>> servers = new ArrayList<>();
		List<String> stopped = new ArrayList<>();
		List<RpcServer> current = (this.registry != null) ? this.registry.servers() : List.of();
		for (RpcServer server : current) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("topic", String.valueOf(server.target().topic()));
			detail.put("server", String.valueOf(server.target().server()));
			detail.put("running", server.isRunning());
			detail.put("inFlight", server.inFlight());
			servers.add(detail);
			if (!server.isRunning()) {
				stopped.add(server.target().toString());
			}
		}
		builder.withDetail("servers", servers);
		if (!this.transport.isConnected()) {
			builder.down().withDetail("reason", "not connected to the broker");
		}
		else if (!stopped.isEmpty()) {
			builder.down().withDetail("reason", "RPC servers not consuming: " + stopped);
		}
		else {
			builder.up();
		}
	}

}
