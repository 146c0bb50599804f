package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.TrustEverythingTrustManager;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures TLS on an amqp-client connection factory from oslo's {@code ssl_*} options
 * (PEM files, as Python's {@code ssl} module reads them). As in oslo, the server
 * certificate is verified only when {@code ssl_ca_file} is set, and its host name only
 * when {@code ssl_enforce_hostname_verification} is also true.
 */
final class RabbitTls {

	private static final Logger logger = LoggerFactory.getLogger(RabbitTls.class);

	private RabbitTls() {
	}

	static void configure(ConnectionFactory factory, RabbitOptions options, TransportUrl url) {
		try {
			SSLContext context = SSLContext.getInstance(options.sslVersion() != null ? options.sslVersion() : "TLS");
			KeyManagerFactory keyManagers = null;
			if (options.sslCertFile() != null && options.sslKeyFile() != null) {
				keyManagers = keyManagers(options.sslCertFile(), options.sslKeyFile());
			}
			if (options.sslCaFile() != null) {
				TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				trust.init(trustStore(options.sslCaFile()));
				context.init((keyManagers != null) ? keyManagers.getKeyManagers() : null, trust.getTrustManagers(),
						null);
				factory.useSslProtocol(context);
				if (options.sslEnforceHostnameVerification()) {
					factory.enableHostnameVerification();
				}
			}
			else {
				logger.warn("TLS without ssl_ca_file: the broker certificate of {} is not verified (as in oslo)", url);
				context.init((keyManagers != null) ? keyManagers.getKeyManagers() : null,
						new javax.net.ssl.TrustManager[] { new TrustEverythingTrustManager() }, null);
				factory.useSslProtocol(context);
			}
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new InvalidTransportUrlException(url.toString(), "cannot set up TLS: " + ex.getMessage());
		}
	}

	private static KeyStore trustStore(String caFile) throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		int index = 0;
		for (Certificate certificate : certificates(caFile)) {
			store.setCertificateEntry("ca-" + index++, certificate);
		}
		return store;
	}

	private static KeyManagerFactory keyManagers(String certFile, String keyFile)
			throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		char[] password = new char[0];
		store.setKeyEntry("client", privateKey(keyFile), password, certificates(certFile).toArray(Certificate[]::new));
		KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		factory.init(store, password);
		return factory;
	}

	private static Collection<? extends Certificate> certificates(String file)
			throws GeneralSecurityException, IOException {
		try (InputStream in = Files.newInputStream(Path.of(file))) {
			return CertificateFactory.getInstance("X.509").generateCertificates(in);
		}
	}

	private static PrivateKey privateKey(String file) throws GeneralSecurityException, IOException {
		String pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
		if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
			throw new GeneralSecurityException(
					"ssl_key_file must be an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY); convert it with "
							+ "'openssl pkcs8 -topk8 -nocrypt'");
		}
		String base64 = pem.replaceAll("(?s).*-----BEGIN PRIVATE KEY-----", "")
			.replaceAll("(?s)-----END PRIVATE KEY-----.*", "")
			.replaceAll("\\s", "");
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
		GeneralSecurityException last = null;
		for (String algorithm : new String[] { "RSA", "EC", "Ed25519" }) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(spec);
			}
			catch (GeneralSecurityException ex) {
				last = ex;
			}
		}
		throw new GeneralSecurityException("unsupported key in ssl_key_file", last);
	}

}
