package io.oslo4j.rpc.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.test.RabbitNode;
import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * TLS against a RabbitMQ node of the test's own with a TLS listener and certificates the
 * test makes: with {@code ssl=1} and the test CA trusted through {@code ssl_ca_file}, the
 * broker's certificate and host name are verified and a call works over TLS; a broker
 * certificate from another CA, or for another host ({@code wronghost.example}), is
 * refused with an error that says so. Without {@code ssl_ca_file} the JVM's trust store
 * is used (the test CA is refused); only {@code ssl_verify=false} trusts any certificate.
 * An {@code SSLContext} of the application's, given in the {@link TransportSettings},
 * replaces {@code ssl_ca_file} and is verified the same way.
 */
class TlsTest {

	private static final int PORT = 5721;

	private static final int TLS_PORT = 5722;

	@Test
	@Timeout(300)
	void callsGoOverVerifiedTlsAndAWrongCertificateIsRefused() throws Exception {
		RabbitNode.Builder builder = RabbitNode.builder("oslo4j-tls", PORT);
		Path certificates = builder.directory().resolve("tls");
		builder.prepare((directory) -> makeCertificates(certificates))
			.config("listeners.ssl.default = 127.0.0.1:" + TLS_PORT)
			.config("ssl_options.cacertfile = " + certificates.resolve("ca.pem"))
			.config("ssl_options.certfile = " + certificates.resolve("server.pem"))
			.config("ssl_options.keyfile = " + certificates.resolve("server.key"))
			.config("ssl_options.verify = verify_none")
			.config("ssl_options.fail_if_no_peer_cert = false");
		try (RabbitNode node = builder.start()) {
			String trusted = url(certificates.resolve("ca.pem"));

			assertThat(call(trusted, node)).isEqualTo(3L);

			// the application's own SSLContext, given in the transport settings
			String noCaFile = "rabbit://guest:guest@127.0.0.1:" + TLS_PORT + "/?ssl=1";
			assertThat(call(noCaFile, settingsTrusting(certificates.resolve("ca.pem")), node)).isEqualTo(3L);
			assertThat(
					catchThrowable(() -> call(noCaFile, settingsTrusting(certificates.resolve("other-ca.pem")), null)))
				.hasMessageContaining("TLS handshake with the broker failed")
				.hasMessageContaining("unable to find valid certification path");

			Throwable untrusted = catchThrowable(() -> call(url(certificates.resolve("other-ca.pem")), null));
			System.out.println("tls: a certificate of another CA: " + untrusted);
			assertThat(untrusted).hasMessageContaining("TLS handshake with the broker failed")
				.hasMessageContaining("unable to find valid certification path");

			// without ssl_ca_file: the JVM's trust store, which does not hold the test CA
			assertThat(catchThrowable(() -> call(noCaFile, null)))
				.hasMessageContaining("TLS handshake with the broker failed")
				.hasMessageContaining("unable to find valid certification path");
			// only an explicit ssl_verify=false trusts any certificate (logged as a
			// warning)
			assertThat(call(noCaFile + "&ssl_verify=false", null)).isEqualTo(3L);

			// the broker now presents a certificate of the trusted CA for
			// wronghost.example
			replace(certificates, "wronghost", "server");
			node.ctl("eval", "ssl:clear_pem_cache().");
			Throwable wrongHost = catchThrowable(() -> call(trusted, null));
			System.out.println("tls: a certificate for another host: " + wrongHost);
			assertThat(wrongHost).hasMessageContaining("TLS handshake with the broker failed")
				.hasMessageContaining("No subject alternative names matching IP address 127.0.0.1 found");
			// oslo 14's behaviour when asked for: certificate checked, host name not
			assertThat(call(trusted + "&ssl_enforce_hostname_verification=false", null)).isEqualTo(3L);
		}
	}

	@Test
	void tlsFileProblemsNameTheOptionAndTheFile(@TempDir Path directory) throws IOException {
		Path empty = Files.writeString(directory.resolve("empty.pem"), "no certificate here\n");
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> Transports.create("rabbit://u:secret@h/?ssl=1&ssl_ca_file=" + directory + "/none.pem"))
			.withMessageContaining("ssl_ca_file " + directory + "/none.pem does not exist")
			.withMessageNotContaining("secret");
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> Transports.create("rabbit://h/?ssl=1&ssl_ca_file=" + empty))
			.withMessageContaining("ssl_ca_file " + empty);
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> Transports.create("rabbit://h/?ssl=1&ssl_key_file=" + empty))
			.withMessageContaining("ssl_key_file " + empty + " is set without ssl_cert_file");
	}

	@Test
	void anSslContextOfTheApplicationReplacesOslosFileOptionsAndKeepsVerification(@TempDir Path directory)
			throws Exception {
		new TestCertificates(directory, "ca");
		TransportSettings settings = settingsTrusting(directory.resolve("ca.pem"));
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> Transports.create(
					TransportUrl.parse("rabbit://u:secret@h/?ssl=1&ssl_ca_file=" + directory.resolve("ca.pem")),
					settings))
			.withMessageContaining("ssl_ca_file cannot be combined with the TLS context given by the application")
			.withMessageNotContaining("secret");
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> Transports.create(TransportUrl.parse("rabbit://h/?ssl=1&ssl_verify=false"), settings))
			.withMessageContaining("ssl_verify=false cannot be combined with the TLS context given by the application");
		// a transport without TLS ignores it
		try (Transport plain = Transports.create(TransportUrl.parse("rabbit://h/"), settings)) {
			assertThat(plain.url().option("ssl")).isNull();
		}
	}

	/**
	 * Settings whose TLS context trusts the CAs of a PEM file, as an application makes
	 * it.
	 */
	private static TransportSettings settingsTrusting(Path caFile) throws Exception {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		try (InputStream in = Files.newInputStream(caFile)) {
			int index = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				store.setCertificateEntry("ca-" + index++, certificate);
			}
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return TransportSettings.defaults().withSslContext(context);
	}

	/** Serves and calls over a transport; with a node, checks its connections use TLS. */
	private static long call(String url, @Nullable RabbitNode node) {
		return call(url, TransportSettings.defaults(), node);
	}

	private static long call(String url, TransportSettings settings, @Nullable RabbitNode node) {
		try (Transport transport = Transports.create(TransportUrl.parse(url + "&connection_timeout=10"), settings);
				ServedTopic served = ServedTopic.serve(transport, "tls", new FuzzEndpoint())) {
			RpcTemplate client = served.client(transport, Duration.ofSeconds(20));
			long sum = client.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 2), Long.class);
			if (node != null) {
				String connections = node.ctl("list_connections", "ssl", "ssl_protocol", "peer_host");
				System.out.println("tls: the node's connections (ssl, protocol, peer): "
						+ connections.replaceAll("\\s+", " ").strip());
				assertThat(connections).contains("true").doesNotContain("false");
			}
			return sum;
		}
	}

	private static String url(Path caFile) {
		return "rabbit://guest:guest@127.0.0.1:" + TLS_PORT + "/?ssl=1&ssl_ca_file=" + caFile;
	}

	private static void makeCertificates(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		TestCertificates ca = new TestCertificates(directory, "ca");
		ca.server("server", "localhost", "DNS:localhost,IP:127.0.0.1");
		ca.server("wronghost", "wronghost.example", "DNS:wronghost.example");
		new TestCertificates(directory, "other-ca");
	}

	private static void replace(Path directory, String from, String to) throws IOException {
		for (String suffix : List.of(".pem", ".key")) {
			// written into the existing files, which keep their owner (the rabbitmq user)
			Files.write(directory.resolve(to + suffix), Files.readAllBytes(directory.resolve(from + suffix)));
		}
	}

}
