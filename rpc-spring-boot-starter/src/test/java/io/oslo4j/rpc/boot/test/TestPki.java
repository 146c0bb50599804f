package io.oslo4j.rpc.boot.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.test.TestBroker;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Test certificates made with {@code openssl} and {@code keytool}: CAs, server and client
 * certificates signed by them (PEM, RSA 2048, unencrypted PKCS#8 keys), an expired one,
 * and PKCS#12 trust stores. Without {@code openssl} the test is skipped, or fails under
 * {@code CI=true}.
 */
public final class TestPki {

	private final Path directory;

	/**
	 * Makes certificates in a directory.
	 * @param directory where the files go; created when missing
	 */
	public TestPki(Path directory) {
		this.directory = directory;
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Makes a CA, {@code <name>.pem} and {@code <name>.key}.
	 * @param name the file name prefix, also in the common name
	 * @return the CA certificate file
	 */
	public Path ca(String name) {
		run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
				"/CN=oslo4j test " + name, "-keyout", file(name + ".key"), "-out", file(name + ".pem"));
		return this.directory.resolve(name + ".pem");
	}

	/**
	 * Makes a certificate signed by a CA, {@code <prefix>.pem} and {@code <prefix>.key}.
	 * @param ca the CA's name
	 * @param prefix the file name prefix
	 * @param commonName the subject's CN
	 * @param subjectAltNames e.g. {@code DNS:localhost}, or {@code null} for none
	 * @param days how long it is valid from now; negative: expired that many days ago
	 * @return the certificate file
	 */
	public Path signed(String ca, String prefix, String commonName, @Nullable String subjectAltNames, int days) {
		List<String> extensions = new ArrayList<>();
		if (subjectAltNames != null) {
			try {
				Files.writeString(this.directory.resolve(prefix + ".ext"), "subjectAltName=" + subjectAltNames + "\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			extensions = List.of("-extfile", file(prefix + ".ext"));
		}
		run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + commonName, "-keyout",
				file(prefix + ".key"), "-out", file(prefix + ".csr"));
		List<String> sign = new ArrayList<>(List.of("openssl", "x509", "-req", "-in", file(prefix + ".csr"), "-CA",
				file(ca + ".pem"), "-CAkey", file(ca + ".key"), "-CAcreateserial", "-days", String.valueOf(days),
				"-out", file(prefix + ".pem")));
		sign.addAll(extensions);
		run(sign.toArray(String[]::new));
		return this.directory.resolve(prefix + ".pem");
	}

	/**
	 * Makes a PKCS#12 trust store holding one CA certificate.
	 * @param ca the CA's name
	 * @param password the store's password
	 * @return the trust store file, {@code <ca>-truststore.p12}
	 */
	public Path trustStore(String ca, String password) {
		Path store = this.directory.resolve(ca + "-truststore.p12");
		run("keytool", "-importcert", "-noprompt", "-alias", ca, "-file", file(ca + ".pem"), "-keystore",
				store.toString(), "-storetype", "PKCS12", "-storepass", password);
		return store;
	}

	/**
	 * Returns a file of this directory.
	 * @param fileName the file name
	 * @return the path
	 */
	public Path path(String fileName) {
		return this.directory.resolve(fileName);
	}

	private String file(String fileName) {
		return this.directory.resolve(fileName).toString();
	}

	private static void run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			String message = command[0] + " is needed to make test certificates: " + ex.getMessage();
			if (TestBroker.isCi()) {
				throw new IllegalStateException(message, ex);
			}
			Assumptions.abort(message);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
