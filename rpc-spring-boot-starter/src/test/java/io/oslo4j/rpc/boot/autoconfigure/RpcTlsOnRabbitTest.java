package io.oslo4j.rpc.boot.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.boot.test.TestPki;
import io.oslo4j.rpc.test.RabbitNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * TLS through the starter against a RabbitMQ node of its own (port 5743, TLS on 5744)
 * whose certificate is for {@code localhost} only, signed by a test CA; the node asks for
 * a client certificate and verifies one when given. A CA from an SSL bundle (PEM or JKS),
 * from {@code spring.rabbitmq.ssl.*} or from {@code ssl_ca_file} connects to
 * {@code localhost}; the broker's host name ({@code 127.0.0.1}), a CA the JVM or the
 * bundle does not trust, and an expired certificate are each refused naming the cause;
 * only {@code rpc.rabbit.ssl.verify=false} connects without verification, with a warning;
 * a client certificate from a bundle is presented (mutual TLS).
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class RpcTlsOnRabbitTest {

	private static final int PORT = 5743;

	private static final int TLS_PORT = 5744;

	private static RabbitNode node;

	private static TestPki pki;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, RabbitAutoConfiguration.class,
				RpcAutoConfiguration.class))
		.withPropertyValues("rpc.server.enabled=false", "rpc.connect-timeout=20s", "rpc.clients.tls.topic=tls",
				"rpc.rabbit.options.connection_timeout=10");

	@BeforeAll
	static void startNode() {
		RabbitNode.Builder builder = RabbitNode.builder("oslo4j-boot-tls", PORT);
		Path directory = builder.directory().resolve("tls");
		builder.prepare((ignored) -> {
			pki = new TestPki(directory);
			pki.ca("ca");
			pki.ca("other-ca");
			pki.signed("ca", "server", "localhost", "DNS:localhost", 2);
			pki.signed("ca", "expired", "localhost", "DNS:localhost", -1);
			pki.signed("ca", "client", "oslo4j-client", null, 2);
		})
			.config("listeners.ssl.default = 127.0.0.1:" + TLS_PORT)
			.config("ssl_options.cacertfile = " + builder.nodePath(directory.resolve("ca.pem")))
			.config("ssl_options.certfile = " + builder.nodePath(directory.resolve("server.pem")))
			.config("ssl_options.keyfile = " + builder.nodePath(directory.resolve("server.key")))
			.config("ssl_options.verify = verify_peer")
			.config("ssl_options.fail_if_no_peer_cert = false");
		node = builder.start();
	}

	@AfterAll
	static void stopNode() {
		if (node != null) {
			node.close();
		}
	}

	private static String url(String host) {
		return "rpc.transport-url=rabbit://guest:guest@" + host + ":" + TLS_PORT + "/";
	}

	private static String file(String name) {
		return pki.path(name).toString();
	}

	/** Connects and casts; returns the node's view of its TLS connections. */
	private static String castOver(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		context.getBean(RpcClientFactory.class).client("tls").cast(RpcContext.empty(), "ping", Map.of());
		String connections = node.ctl("list_connections", "ssl", "peer_cert_subject", "timeout");
		System.out.println(
				"tls: connections (ssl, client subject, heartbeat): " + connections.replaceAll("\\s+", " ").strip());
		return connections;
	}

	private static Throwable refusal(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		Throwable refused = catchThrowable(
				() -> context.getBean(RpcClientFactory.class).client("tls").cast(RpcContext.empty(), "ping", Map.of()));
		System.out.println("tls: refused: " + refused);
		assertThat(refused).hasMessageContaining("TLS handshake with the broker failed");
		return refused;
	}

	@Test
	@Order(1)
	void aCaFromAPemBundleVerifiesTheBrokerByItsName() {
		this.runner.withPropertyValues(url("localhost"),
				"spring.ssl.bundle.pem.rabbit.truststore.certificate=" + file("ca.pem"), "rpc.rabbit.ssl.bundle=rabbit")
			.run((context) -> assertThat(castOver(context)).contains("true"));
	}

	@Test
	@Order(2)
	void aCaFromAJksBundleOrSpringRabbitmqOrSslCaFileWorksToo() {
		Path trustStore = pki.trustStore("ca", "changeit");
		this.runner
			.withPropertyValues(url("localhost"), "spring.ssl.bundle.jks.rabbit.truststore.location=" + trustStore,
					"spring.ssl.bundle.jks.rabbit.truststore.password=changeit",
					"spring.ssl.bundle.jks.rabbit.truststore.type=PKCS12", "rpc.rabbit.ssl.bundle=rabbit")
			.run((context) -> assertThat(castOver(context)).contains("true"));
		this.runner
			.withPropertyValues("spring.rabbitmq.host=localhost", "spring.rabbitmq.port=" + TLS_PORT,
					"spring.rabbitmq.ssl.bundle=rabbit", "spring.rabbitmq.requested-heartbeat=17",
					"spring.ssl.bundle.pem.rabbit.truststore.certificate=" + file("ca.pem"))
			.run((context) -> assertThat(castOver(context)).as("the heartbeat on the wire").contains("17"));
		this.runner
			.withPropertyValues("spring.rabbitmq.host=localhost", "spring.rabbitmq.port=" + TLS_PORT,
					"spring.rabbitmq.ssl.enabled=true", "spring.rabbitmq.ssl.trust-store=file:" + trustStore,
					"spring.rabbitmq.ssl.trust-store-type=PKCS12", "spring.rabbitmq.ssl.trust-store-password=changeit")
			.run((context) -> assertThat(castOver(context)).contains("true"));
		this.runner.withPropertyValues(url("localhost") + "?ssl=1", "rpc.rabbit.options.ssl_ca_file=" + file("ca.pem"))
			.run((context) -> assertThat(castOver(context)).contains("true"));
	}

	@Test
	@Order(3)
	void aNameTheCertificateDoesNotHoldIsRefused() {
		this.runner.withPropertyValues(url("127.0.0.1"),
				"spring.ssl.bundle.pem.rabbit.truststore.certificate=" + file("ca.pem"), "rpc.rabbit.ssl.bundle=rabbit")
			.run((context) -> assertThat(refusal(context))
				.hasMessageContaining("No subject alternative names matching IP address 127.0.0.1"));
	}

	@Test
	@Order(4)
	void aCaNobodyTrustsIsRefused() {
		this.runner
			.withPropertyValues(url("localhost"),
					"spring.ssl.bundle.pem.rabbit.truststore.certificate=" + file("other-ca.pem"),
					"rpc.rabbit.ssl.bundle=rabbit")
			.run((context) -> assertThat(refusal(context))
				.hasMessageContaining("unable to find valid certification path"));
		// TLS without any CA given: the JVM's trust store, which does not hold the test
		// CA
		this.runner.withPropertyValues(url("localhost"), "rpc.rabbit.ssl.enabled=true")
			.run((context) -> assertThat(refusal(context))
				.hasMessageContaining("unable to find valid certification path"));
		this.runner
			.withPropertyValues("spring.rabbitmq.host=localhost", "spring.rabbitmq.port=" + TLS_PORT,
					"spring.rabbitmq.ssl.enabled=true")
			.run((context) -> assertThat(refusal(context))
				.hasMessageContaining("unable to find valid certification path"));
	}

	@Test
	@Order(5)
	void onlyAnExplicitVerifyFalseSkipsVerificationAndSaysSo(CapturedOutput output) {
		this.runner.withPropertyValues(url("127.0.0.1"), "rpc.rabbit.ssl.enabled=true", "rpc.rabbit.ssl.verify=false")
			.run((context) -> assertThat(castOver(context)).contains("true"));
		this.runner
			.withPropertyValues("spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=" + TLS_PORT,
					"spring.rabbitmq.ssl.enabled=true", "spring.rabbitmq.ssl.validate-server-certificate=false")
			.run((context) -> assertThat(castOver(context)).contains("true"));
		assertThat(output.getOut().lines().filter((line) -> line.contains("does NOT verify")).count()).isEqualTo(2);
	}

	@Test
	@Order(6)
	void aClientCertificateFromABundleIsPresented() {
		this.runner.withPropertyValues(url("localhost"),
				"spring.ssl.bundle.pem.client.keystore.certificate=" + file("client.pem"),
				"spring.ssl.bundle.pem.client.keystore.private-key=" + file("client.key"),
				"spring.ssl.bundle.pem.client.truststore.certificate=" + file("ca.pem"), "rpc.rabbit.ssl.bundle=client")
			.run((context) -> assertThat(castOver(context)).contains("CN=oslo4j-client"));
	}

	@Test
	@Order(7)
	void anExpiredCertificateIsRefused() throws IOException {
		for (String suffix : List.of(".pem", ".key")) {
			// written into the existing files, which keep their owner (the rabbitmq user)
			Files.write(pki.path("server" + suffix), Files.readAllBytes(pki.path("expired" + suffix)));
		}
		node.ctl("eval", "ssl:clear_pem_cache().");
		this.runner.withPropertyValues(url("localhost"),
				"spring.ssl.bundle.pem.rabbit.truststore.certificate=" + file("ca.pem"), "rpc.rabbit.ssl.bundle=rabbit")
			.run((context) -> assertThat(refusal(context)).hasMessageContaining("CertificateExpiredException"));
	}

}
