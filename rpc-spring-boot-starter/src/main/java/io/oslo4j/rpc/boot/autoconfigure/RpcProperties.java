package io.oslo4j.rpc.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration of oslo4j, prefix {@code rpc}. Keys bind with Boot's relaxed rules, so
 * oslo's spelling works too: {@code rpc.transport_url}, {@code rpc.transport-url} and the
 * environment variable {@code RPC_TRANSPORT_URL} are the same key. Values are checked
 * when the context starts; a bad one fails startup with a message naming the key and a
 * valid example. Durations read a number without unit as seconds, as oslo does
 * ({@code rpc.response-timeout=60} is a minute); other units are written out
 * ({@code 500ms}, {@code 2m}).
 */
@ConfigurationProperties("rpc")
public class RpcProperties implements InitializingBean {

	/**
	 * oslo transport URL, e.g. "rabbit://user:pass@host1:5672,user:pass@host2:5672/vhost"
	 * or "fake://". When not set, the URL is built from Spring Boot's RabbitMQ connection
	 * (spring.rabbitmq.*, default "rabbit://guest:guest@localhost:5672/"); when set, it
	 * wins over spring.rabbitmq.*.
	 */
	private @Nullable String transportUrl;

	/**
	 * Whether an unreachable broker fails startup. When false, the failure is logged, the
	 * transport keeps reconnecting in the background and the health indicator reports
	 * DOWN until it is connected.
	 */
	private boolean failFast;

	/**
	 * How long startup waits for the broker connection. Past it, startup fails
	 * (rpc.fail-fast=true) or goes on while the transport keeps connecting in the
	 * background; independent of the AMQP connection_timeout. A number without unit is
	 * seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Exchange used by targets that name none (oslo's control_exchange).
	 */
	private String controlExchange = "openstack";

	/**
	 * How long a call waits for its reply (oslo's rpc_response_timeout); also the
	 * request's message expiration. A number without unit is seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration responseTimeout = Duration.ofSeconds(60);

	/**
	 * How long a call waits between two heartbeats of the server before giving up (oslo's
	 * call_monitor_timeout, sent to the server as whole seconds). A number without unit
	 * is seconds; fractions of a second are refused. Not set: no call monitor.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration callMonitorTimeout;

	/**
	 * Java exception classes (fully qualified names, each with a public (String)
	 * constructor) that a remote Java server may raise and that are rethrown as
	 * themselves; any other remote failure is raised as RemoteRpcException (oslo's
	 * allowed_remote_exmods).
	 */
	private List<String> allowedRemoteExceptions = new ArrayList<>();

	/**
	 * RabbitMQ transport options.
	 */
	@NestedConfigurationProperty
	private final RpcRabbitProperties rabbit = new RpcRabbitProperties();

	/**
	 * The RPC server serving the application's @RpcEndpoint beans.
	 */
	@NestedConfigurationProperty
	private final RpcServerProperties server = new RpcServerProperties();

	/**
	 * How Java method, argument and payload property names become names on the wire.
	 */
	@NestedConfigurationProperty
	private final RpcNamingProperties naming = new RpcNamingProperties();

	/**
	 * Background retries of servers and listeners that cannot start
	 * (rpc.fail-fast=false).
	 */
	@NestedConfigurationProperty
	private final RpcStartRetryProperties startRetry = new RpcStartRetryProperties();

	/**
	 * Settings of @RpcClient interfaces, by client name (the annotation's value). Set
	 * values override the annotation's attributes.
	 */
	private Map<String, RpcClientProperties> clients = new LinkedHashMap<>();

	public @Nullable String getTransportUrl() {
		return this.transportUrl;
	}

	public void setTransportUrl(@Nullable String transportUrl) {
		this.transportUrl = transportUrl;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public String getControlExchange() {
		return this.controlExchange;
	}

	public void setControlExchange(String controlExchange) {
		this.controlExchange = controlExchange;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public @Nullable Duration getCallMonitorTimeout() {
		return this.callMonitorTimeout;
	}

	public void setCallMonitorTimeout(@Nullable Duration callMonitorTimeout) {
		this.callMonitorTimeout = callMonitorTimeout;
	}

	public List<String> getAllowedRemoteExceptions() {
		return this.allowedRemoteExceptions;
	}

	public void setAllowedRemoteExceptions(List<String> allowedRemoteExceptions) {
		this.allowedRemoteExceptions = allowedRemoteExceptions;
	}

	public RpcRabbitProperties getRabbit() {
		return this.rabbit;
	}

	public RpcStartRetryProperties getStartRetry() {
		return this.startRetry;
	}

	public RpcServerProperties getServer() {
		return this.server;
	}

	public RpcNamingProperties getNaming() {
		return this.naming;
	}

	public Map<String, RpcClientProperties> getClients() {
		return this.clients;
	}

	public void setClients(Map<String, RpcClientProperties> clients) {
		this.clients = clients;
	}

	/**
	 * Checks the bound values.
	 * @throws RpcConfigurationException naming the first bad key
	 */
	@Override
	public void afterPropertiesSet() {
		RpcPropertiesValidator.validate(this);
	}

}
