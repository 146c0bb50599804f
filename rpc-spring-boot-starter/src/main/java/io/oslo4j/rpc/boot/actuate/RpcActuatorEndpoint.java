package io.oslo4j.rpc.boot.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.ClientDescriptor;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.EndpointDescriptor;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.ListenerDescriptor;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.RabbitModes;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.ServerDescriptor;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.TargetDescriptor;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.TransportDescriptor;
import io.oslo4j.rpc.boot.actuate.RpcDescriptor.WorkersDescriptor;
import io.oslo4j.rpc.boot.autoconfigure.RpcClientFactory;
import io.oslo4j.rpc.boot.autoconfigure.RpcEndpointRegistry;
import io.oslo4j.rpc.boot.notify.RpcNotificationListenerRegistry;
import io.oslo4j.rpc.boot.notify.RpcNotificationTransport;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.ReplyWaiter;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.notify.NotificationFilter;
import io.oslo4j.rpc.notify.NotificationListener;
import io.oslo4j.rpc.rabbit.RabbitTransport;
import io.oslo4j.rpc.server.Endpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.transport.AbstractTransport;
import io.oslo4j.rpc.transport.Transport;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code rpc} Actuator endpoint ({@code /actuator/rpc} once exposed with
 * {@code management.endpoints.web.exposure.include=rpc}): the RPC servers with their
 * namespaces, versions and callable methods (by wire name, with the argument names a
 * caller sends), the clients with their targets, timeouts and version caps, the
 * notification listeners with their targets, pools, priorities and filters, and the
 * transport: its URL with passwords masked, its driver, the RabbitMQ modes in force and
 * what is in flight. It reads what is there and changes nothing.
 */
@org.springframework.boot.actuate.endpoint.annotation.Endpoint(id = "rpc")
public class RpcActuatorEndpoint {

	private final Transport transport;

	private final ObjectProvider<RpcEndpointRegistry> servers;

	private final ObjectProvider<RpcClientFactory> clients;

	private final ObjectProvider<RpcNotificationListenerRegistry> listeners;

	private final ObjectProvider<RpcNotificationTransport> notificationTransport;

	/**
	 * Makes the endpoint.
	 * @param transport the RPC transport
	 * @param servers the registry of the RPC servers, if any
	 * @param clients the client factory, if any
	 * @param listeners the registry of the notification listeners, if any
	 * @param notificationTransport the notification transport, if any
	 */
	public RpcActuatorEndpoint(Transport transport, ObjectProvider<RpcEndpointRegistry> servers,
			ObjectProvider<RpcClientFactory> clients, ObjectProvider<RpcNotificationListenerRegistry> listeners,
			ObjectProvider<RpcNotificationTransport> notificationTransport) {
		this.transport = transport;
		this.servers = servers;
		this.clients = clients;
		this.listeners = listeners;
		this.notificationTransport = notificationTransport;
	}

	/**
	 * Describes what the application serves and calls, and its transport.
	 * @return the description
	 */
	@ReadOperation
	public RpcDescriptor rpc() {
		List<ServerDescriptor> servers = servers();
		int inFlight = servers.stream().mapToInt(ServerDescriptor::inFlight).sum();
		RpcNotificationTransport notifications = this.notificationTransport.getIfAvailable();
		Transport notificationTransport = (notifications != null) ? notifications.transport() : this.transport;
		TransportDescriptor separate = (notifications != null && notifications.isSeparate())
				? transport(notificationTransport, 0) : null;
		return new RpcDescriptor(transport(this.transport, inFlight), separate, servers, clients(),
				listeners(notificationTransport));
	}

	private static TransportDescriptor transport(Transport transport, int inFlight) {
		RabbitModes rabbit = (transport instanceof RabbitTransport rabbitTransport)
				? RabbitModes.of(rabbitTransport.options()) : null;
		return new TransportDescriptor(transport.url().toString(), transport.url().driver(),
				transport.controlExchange(), transport.isConnected(), pendingCalls(transport), inFlight, rabbit);
	}

	/**
	 * Reads the calls waiting for a reply without making the transport's reply waiter
	 * when no call made it.
	 */
	private static int pendingCalls(Transport transport) {
		ReplyWaiter waiter = (transport instanceof AbstractTransport known) ? known.existingComponent(ReplyWaiter.class)
				: null;
		return (waiter != null) ? waiter.pendingCalls() : 0;
	}

	private List<ServerDescriptor> servers() {
		RpcEndpointRegistry registry = this.servers.getIfAvailable();
		if (registry == null) {
			return List.of();
		}
		List<ServerDescriptor> servers = new ArrayList<>();
		for (RpcServer server : registry.servers()) {
			List<EndpointDescriptor> endpoints = new ArrayList<>();
			for (Endpoint endpoint : server.dispatcher().endpoints()) {
				endpoints.add(new EndpointDescriptor(endpoint.type().getName(), endpoint.namespace(),
						endpoint.version().toString(), endpoint.methods()));
			}
			Target target = server.target();
			servers.add(new ServerDescriptor(Objects.requireNonNull(target.topic()),
					Objects.requireNonNull(target.server()), exchange(target, this.transport), server.isRunning(),
					server.inFlight(), WorkersDescriptor.of(server.workerStats()), List.copyOf(endpoints)));
		}
		return List.copyOf(servers);
	}

	private Map<String, ClientDescriptor> clients() {
		RpcClientFactory factory = this.clients.getIfAvailable();
		if (factory == null) {
			return Map.of();
		}
		Map<String, ClientDescriptor> clients = new LinkedHashMap<>();
		for (Map.Entry<String, RpcTemplate> entry : factory.clients().entrySet()) {
			RpcTemplate client = entry.getValue();
			Target target = client.target();
			ClientOptions options = client.options();
			clients.put(entry.getKey(),
					new ClientDescriptor(Objects.toString(target.topic(), ""), target.server(),
							exchange(target, client.transport()), target.fanout(), target.namespace(), target.version(),
							options.versionCap(), options.timeout().toString(), iso(options.callMonitorTimeout())));
		}
		return clients;
	}

	private List<ListenerDescriptor> listeners(Transport notificationTransport) {
		RpcNotificationListenerRegistry registry = this.listeners.getIfAvailable();
		if (registry == null) {
			return List.of();
		}
		List<ListenerDescriptor> listeners = new ArrayList<>();
		for (NotificationListener listener : registry.listeners()) {
			List<TargetDescriptor> targets = listener.targets()
				.stream()
				.map((target) -> new TargetDescriptor(Objects.toString(target.topic(), ""),
						exchange(target, notificationTransport)))
				.toList();
			List<String> priorities = listener.priorities()
				.stream()
				.sorted()
				.map((priority) -> priority.lowerName())
				.toList();
			List<Map<String, Object>> filters = listener.filters().stream().map(NotificationFilter::rules).toList();
			listeners.add(new ListenerDescriptor(targets, listener.pool(), priorities, filters, listener.isRunning(),
					WorkersDescriptor.of(listener.workerStats())));
		}
		return List.copyOf(listeners);
	}

	private static String exchange(Target target, Transport transport) {
		String exchange = target.exchange();
		return (exchange != null && !exchange.isEmpty()) ? exchange : transport.controlExchange();
	}

	private static @Nullable String iso(@Nullable Duration duration) {
		return (duration != null) ? duration.toString() : null;
	}

}
