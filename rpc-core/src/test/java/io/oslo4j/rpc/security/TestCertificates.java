package io.oslo4j.rpc.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.test.TestBroker;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a test CA and certificates signed by it with {@code openssl} (PEM files, RSA
 * 2048, valid two days, unencrypted PKCS#8 keys).
 */
final class TestCertificates {

	private final Path directory;

	private final String name;

	/**
	 * Makes a CA in a directory.
	 * @param directory where the files go
	 * @param name the CA's file name prefix and common name
	 */
	TestCertificates(Path directory, String name) {
		this.directory = directory;
		this.name = name;
		openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=oslo4j test " + name,
				"-keyout", file(name + ".key"), "-out", file(name + ".pem"));
	}

	/** Returns the CA certificate file. */
	Path ca() {
		return this.directory.resolve(this.name + ".pem");
	}

	/**
	 * Makes a server certificate signed by this CA.
	 * @param prefix the file name prefix: {@code prefix.pem} and {@code prefix.key}
	 * @param commonName the subject's CN
	 * @param subjectAltNames e.g. {@code DNS:localhost,IP:127.0.0.1}
	 */
	void server(String prefix, String commonName, String subjectAltNames) {
		try {
			Files.writeString(this.directory.resolve(prefix + ".ext"), "subjectAltName=" + subjectAltNames + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + commonName, "-keyout", file(prefix + ".key"),
				"-out", file(prefix + ".csr"));
		openssl("x509", "-req", "-in", file(prefix + ".csr"), "-CA", file(this.name + ".pem"), "-CAkey",
				file(this.name + ".key"), "-CAcreateserial", "-days", "2", "-extfile", file(prefix + ".ext"), "-out",
				file(prefix + ".pem"));
	}

	private String file(String fileName) {
		return this.directory.resolve(fileName).toString();
	}

	private static void openssl(String... args) {
		List<String> command = new ArrayList<>(List.of("openssl"));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (IOException ex) {
			String message = "openssl is needed to make test certificates: " + ex.getMessage();
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
