package io.oslo4j.rpc.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * TLS of the RabbitMQ transport, {@code rpc.rabbit.ssl.*}. With TLS on, the broker's
 * certificate and host name are always verified: against the CAs of the SSL bundle, of
 * {@code rpc.rabbit.options.ssl_ca_file}, or of the JVM's default trust store. Only
 * {@code verify=false} turns that off.
 */
public class RpcRabbitSslProperties {

	/**
	 * Whether the transport uses TLS (oslo's ssl). Not set: on when the transport URL has
	 * "?ssl=1", when spring.rabbitmq.ssl is enabled, or when a bundle is named.
	 */
	private @Nullable Boolean enabled;

	/**
	 * Name of the SSL bundle (spring.ssl.bundle.*, PEM or JKS) holding the CA
	 * certificates to trust and, for mutual TLS, the client certificate and key. Turns
	 * TLS on; replaces oslo's ssl_ca_file, ssl_cert_file, ssl_key_file and ssl_version,
	 * which must then not be set. Also used by a notification transport of its own.
	 */
	private @Nullable String bundle;

	/**
	 * Whether the broker's certificate and host name are verified (oslo4j's ssl_verify).
	 * false trusts any certificate, so anyone on the network path can read and change
	 * every message; it is logged as a warning. Not set: true.
	 */
	private @Nullable Boolean verify;

	/**
	 * Whether the broker's host name is checked against its certificate
	 * (ssl_enforce_hostname_verification). Not set: true.
	 */
	private @Nullable Boolean verifyHostname;

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getBundle() {
		return this.bundle;
	}

	public void setBundle(@Nullable String bundle) {
		this.bundle = bundle;
	}

	public @Nullable Boolean getVerify() {
		return this.verify;
	}

	public void setVerify(@Nullable Boolean verify) {
		this.verify = verify;
	}

	public @Nullable Boolean getVerifyHostname() {
		return this.verifyHostname;
	}

	public void setVerifyHostname(@Nullable Boolean verifyHostname) {
		this.verifyHostname = verifyHostname;
	}

}
