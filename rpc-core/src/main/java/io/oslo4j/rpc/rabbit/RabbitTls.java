package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.TrustEverythingTrustManager;
import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures TLS on an amqp-client connection factory, verified by default: the broker's
 * certificate is checked against the CAs of {@code ssl_ca_file}, or the JVM's default
 * trust store when that is not set (unlike oslo, which trusts any certificate without
 * {@code ssl_ca_file}), and its host name is checked unless
 * {@code ssl_enforce_hostname_verification} is false. Nothing is verified only with
 * oslo4j's {@code ssl_verify=false}, which is logged as a warning every time a transport
 * is made with it.
 * <p>
 * The client certificate and key come from oslo's PEM options ({@code ssl_cert_file},
 * {@code ssl_key_file}; a key may sit in the certificate file itself, as Python's
 * {@code load_cert_chain} allows), or the whole {@link SSLContext} from the application
 * ({@link TransportSettings#sslContext()}, e.g. a Spring Boot SSL bundle). Every problem
 * with a file is reported naming the option and the file.
 */
public final class RabbitTls {

	private static final Logger logger = LoggerFactory.getLogger(RabbitTls.class);

	private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String KEY_END = "-----END PRIVATE KEY-----";

	private RabbitTls() {
	}

	/**
	 * Switches TLS on for a connection factory.
	 * @param factory the factory
	 * @param options the transport's options
	 * @param url the transport URL, for messages
	 * @param given the application's TLS context
	 * ({@link TransportSettings#sslContext()}), or {@code null} to build one from oslo's
	 * {@code ssl_*} options
	 */
	static void configure(ConnectionFactory factory, RabbitOptions options, TransportUrl url,
			@Nullable SSLContext given) {
		try {
			if (given != null) {
				checkNoFiles(options);
				factory.useSslProtocol(given);
			}
			else {
				SSLContext context = SSLContext
					.getInstance((options.sslVersion() != null) ? options.sslVersion() : "TLS");
				context.init(keyManagers(options), trustManagers(options, url), null);
				factory.useSslProtocol(context);
			}
			if (options.sslVerify() && options.sslEnforceHostnameVerification()) {
				factory.enableHostnameVerification();
			}
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new InvalidTransportUrlException(url.toString(), "cannot set up TLS: " + ex.getMessage());
		}
	}

	private static void checkNoFiles(RabbitOptions options) throws GeneralSecurityException {
		if (!options.sslVerify()) {
			throw new GeneralSecurityException("ssl_verify=false cannot be combined with the TLS context given by "
					+ "the application (TransportSettings.sslContext, e.g. an SSL bundle), whose trust material "
					+ "verifies the broker");
		}
		for (String[] option : new String[][] { { "ssl_ca_file", options.sslCaFile() },
				{ "ssl_cert_file", options.sslCertFile() }, { "ssl_key_file", options.sslKeyFile() },
				{ "ssl_version", options.sslVersion() } }) {
			if (option[1] != null) {
				throw new GeneralSecurityException(option[0] + " cannot be combined with the TLS context given by the "
						+ "application (TransportSettings.sslContext, e.g. an SSL bundle), which holds the key and "
						+ "trust material; set one of them");
			}
		}
	}

	private static TrustManager[] trustManagers(RabbitOptions options, TransportUrl url)
			throws GeneralSecurityException, IOException {
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		if (!options.sslVerify()) {
			logger.warn("TLS to {} does NOT verify the broker's certificate nor its host name (ssl_verify=false): "
					+ "anyone on the network path can read and change every message; remove ssl_verify=false and "
					+ "trust the broker's CA (ssl_ca_file, or an SSL bundle) instead", url);
			return new TrustManager[] { new TrustEverythingTrustManager() };
		}
		String caFile = options.sslCaFile();
		if (caFile == null) {
			// the JVM's default trust store (cacerts, or javax.net.ssl.trustStore)
			trust.init((KeyStore) null);
			return trust.getTrustManagers();
		}
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		int index = 0;
		for (Certificate certificate : certificates("ssl_ca_file", caFile)) {
			store.setCertificateEntry("ca-" + index++, certificate);
		}
		trust.init(store);
		return trust.getTrustManagers();
	}

	private static KeyManager @Nullable [] keyManagers(RabbitOptions options)
			throws GeneralSecurityException, IOException {
		String certFile = options.sslCertFile();
		String keyFile = options.sslKeyFile();
		if (certFile == null) {
			if (keyFile != null) {
				throw new GeneralSecurityException("ssl_key_file " + keyFile + " is set without ssl_cert_file");
			}
			return null;
		}
		String keyOption = (keyFile != null) ? "ssl_key_file" : "ssl_cert_file";
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		char[] password = new char[0];
		store.setKeyEntry("client", privateKey(keyOption, (keyFile != null) ? keyFile : certFile), password,
				certificates("ssl_cert_file", certFile).toArray(Certificate[]::new));
		KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		factory.init(store, password);
		return factory.getKeyManagers();
	}

	private static Collection<? extends Certificate> certificates(String option, String file)
			throws GeneralSecurityException, IOException {
		Collection<? extends Certificate> certificates;
		try (InputStream in = Files.newInputStream(Path.of(file))) {
			certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
		}
		catch (NoSuchFileException ex) {
			throw new IOException(option + " " + file + " does not exist", ex);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new GeneralSecurityException(option + " " + file + " cannot be read: " + ex.getMessage(), ex);
		}
		if (certificates.isEmpty()) {
			throw new GeneralSecurityException(option + " " + file + " holds no PEM certificate");
		}
		return certificates;
	}

	private static PrivateKey privateKey(String option, String file) throws GeneralSecurityException, IOException {
		String pem;
		try {
			pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
		}
		catch (NoSuchFileException ex) {
			throw new IOException(option + " " + file + " does not exist", ex);
		}
		int begin = pem.indexOf(KEY_BEGIN);
		int end = pem.indexOf(KEY_END);
		if (begin < 0 || end < begin) {
			throw new GeneralSecurityException(option + " " + file + " holds no unencrypted PKCS#8 PEM key "
					+ "(BEGIN PRIVATE KEY); convert it with 'openssl pkcs8 -topk8 -nocrypt'");
		}
		String base64 = pem.substring(begin + KEY_BEGIN.length(), end).replaceAll("\\s", "");
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64));
		GeneralSecurityException last = null;
		for (String algorithm : new String[] { "RSA", "EC", "Ed25519" }) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(spec);
			}
			catch (GeneralSecurityException ex) {
				last = ex;
			}
		}
		throw new GeneralSecurityException(option + " " + file + ": unsupported key (RSA, EC or Ed25519 expected)",
				last);
	}

}
