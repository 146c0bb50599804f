package io.oslo4j.rpc.boot.autoconfigure;

import io.oslo4j.rpc.naming.NamingStrategy;
import io.oslo4j.rpc.naming.WireNames;

/**
 * How Java names become names on the wire, {@code rpc.naming.*}. Names given by
 * {@code @RpcMethod("...")} and {@code @RpcParam} are never renamed.
 */
public class RpcNamingProperties {

	/**
	 * Names of RPC methods without a name in @RpcMethod, in client interfaces and
	 * endpoint beans alike: as-is (the Java name) or snake-case (OpenStack's style,
	 * buildAndRunInstance is called as build_and_run_instance).
	 */
	private NamingStrategy methods = NamingStrategy.AS_IS;

	/**
	 * Names of keyword arguments without @RpcParam: as-is (the parameter name) or
	 * snake-case (instanceUuid is sent and received as instance_uuid).
	 */
	private NamingStrategy arguments = NamingStrategy.AS_IS;

	/**
	 * JSON property names of objects in arguments, results and notification payloads,
	 * unless @JsonProperty names them: as-is or snake-case (Jackson's SNAKE_CASE, the
	 * same rule as for methods and arguments).
	 */
	private NamingStrategy payloads = NamingStrategy.AS_IS;

	public NamingStrategy getMethods() {
		return this.methods;
	}

	public void setMethods(NamingStrategy methods) {
		this.methods = methods;
	}

	public NamingStrategy getArguments() {
		return this.arguments;
	}

	public void setArguments(NamingStrategy arguments) {
		this.arguments = arguments;
	}

	public NamingStrategy getPayloads() {
		return this.payloads;
	}

	public void setPayloads(NamingStrategy payloads) {
		this.payloads = payloads;
	}

	/**
	 * Returns the method and argument naming.
	 * @return the wire names
	 */
	public WireNames wireNames() {
		return new WireNames(this.methods, this.arguments);
	}

}
