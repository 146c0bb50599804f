package io.oslo4j.rpc.naming;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;

/**
 * How a Java name becomes a name on the wire, for names not given explicitly by
 * {@code @RpcMethod} or {@code @RpcParam}.
 * <ul>
 * <li>{@link #AS_IS}: the Java name unchanged (the default).</li>
 * <li>{@link #SNAKE_CASE}: OpenStack's style, {@code buildAndRunInstance} becomes
 * {@code build_and_run_instance}. It is Jackson's {@code SNAKE_CASE} rule, so methods,
 * arguments and payload properties agree: an upper-case letter starts a new word unless
 * the letter before it is upper case too ({@code getVncConsole} becomes
 * {@code get_vnc_console}, {@code getVNCConsole} becomes {@code get_vncconsole}); digits
 * stay with their word ({@code ipv4Address} becomes {@code ipv4_address}).</li>
 * </ul>
 */
public enum NamingStrategy {

	/** The Java name, unchanged. */
	AS_IS(null),

	/** {@code lowerCamelCase} to {@code snake_case}, as OpenStack's Python names. */
	SNAKE_CASE(PropertyNamingStrategies.SNAKE_CASE);

	private final PropertyNamingStrategies.@Nullable NamingBase jackson;

	NamingStrategy(@Nullable PropertyNamingStrategy jackson) {
		this.jackson = (PropertyNamingStrategies.NamingBase) jackson;
	}

	/**
	 * Returns the wire name of a Java name.
	 * @param javaName a method or parameter name
	 * @return the name on the wire
	 */
	public String apply(String javaName) {
		return (this.jackson != null) ? this.jackson.nameForField(null, null, javaName) : javaName;
	}

	/**
	 * Returns the Jackson naming strategy that gives payload properties the same names,
	 * or {@code null} for Jackson's default (the Java names).
	 * @return the Jackson strategy
	 */
	public @Nullable PropertyNamingStrategy jackson() {
		return this.jackson;
	}

}
