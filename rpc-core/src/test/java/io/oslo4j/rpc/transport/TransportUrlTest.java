package io.oslo4j.rpc.transport;

import java.util.Map;

import io.oslo4j.rpc.transport.TransportUrl.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link TransportUrl#parse} against oslo's {@code TransportURL.parse} (wire spec §1).
 */
class TransportUrlTest {

	@Test
	void multipleHostsAreKeptInOrderWithTheirOwnCredentials() {
		TransportUrl url = TransportUrl.parse("rabbit://u1:p1@h1:5672,u2:p2@h2:5673,h3/vh");
		assertThat(url.driver()).isEqualTo("rabbit");
		assertThat(url.hosts()).containsExactly(new Host("h1", 5672, "u1", "p1"), new Host("h2", 5673, "u2", "p2"),
				new Host("h3", null, null, null));
		assertThat(url.virtualHost()).isEqualTo("vh");
	}

	@Test
	void emptyHostPiecesAreSkipped() {
		assertThat(TransportUrl.parse("rabbit://,h1,,h2,/").hosts()).extracting(Host::hostname)
			.containsExactly("h1", "h2");
	}

	@Test
	void userAndPasswordArePercentDecoded() {
		Host host = TransportUrl.parse("rabbit://us%40er:p%3Aa%2Fs%25s%20x+y@h/").hosts().get(0);
		assertThat(host.username()).isEqualTo("us@er");
		assertThat(host.password()).isEqualTo("p:a/s%s x+y");
	}

	@Test
	void userPartIsSplitAtItsFirstColon() {
		Host host = TransportUrl.parse("rabbit://user:pa:ss@h").hosts().get(0);
		assertThat(host.username()).isEqualTo("user");
		assertThat(host.password()).isEqualTo("pa:ss");
	}

	@Test
	void hostPieceIsSplitAtItsLastAt() {
		Host host = TransportUrl.parse("rabbit://a@b:c@d@host:1234").hosts().get(0);
		assertThat(host.username()).isEqualTo("a@b");
		assertThat(host.password()).isEqualTo("c@d");
		assertThat(host.hostname()).isEqualTo("host");
		assertThat(host.port()).isEqualTo(1234);
	}

	@Test
	void userWithoutPassword() {
		Host host = TransportUrl.parse("rabbit://user@h").hosts().get(0);
		assertThat(host.username()).isEqualTo("user");
		assertThat(host.password()).isNull();
	}

	@Test
	void ipv6LiteralsInBrackets() {
		TransportUrl url = TransportUrl.parse("rabbit://u:p@[::1]:5673,[fe80::2]/");
		assertThat(url.hosts()).containsExactly(new Host("::1", 5673, "u", "p"), new Host("fe80::2", null, null, null));
		assertThat(url.hosts().get(0).address()).isEqualTo("[::1]:5673");
		assertThat(url.hosts().get(1).address()).isEqualTo("[fe80::2]:5672");
	}

	@Test
	void missingClosingBracketIsAnError() {
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> TransportUrl.parse("rabbit://u:secret@[::1:5672/"))
			.withMessageContaining("Invalid IPv6 URL")
			.withMessageNotContaining("secret");
	}

	@Test
	void textAfterTheClosingBracketOtherThanAPortIsAnError() {
		for (String url : new String[] { "rabbit://u:secret@[::1]x/", "rabbit://u:secret@[::1]5672/",
				"rabbit://u:secret@[::1]]:5672/" }) {
			assertThatExceptionOfType(InvalidTransportUrlException.class).as(url)
				.isThrownBy(() -> TransportUrl.parse(url))
				.withMessageEndingWith("': unexpected text after the IPv6 address of host 1")
				.withMessageNotContaining("secret");
		}
	}

	@Test
	void anEmptyUserNameWithAPasswordIsMasked() {
		TransportUrl url = TransportUrl.parse("rabbit://:secret@h/");
		assertThat(url.hosts()).containsExactly(new Host("h", null, "", "secret"));
		assertThat(url).hasToString("rabbit://:****@h/");
		assertThat(url.hosts().get(0)).hasToString(":****@h");
		assertThat(url.toUnmaskedString()).isEqualTo("rabbit://:secret@h/");
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> TransportUrl.parse("rabbit://:secret@h:bad/"))
			.withMessage("Invalid transport URL 'rabbit://:****@h:bad/': the port of host 1 is not a number");
	}

	@Test
	void nonNumericPortIsAnError() {
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> TransportUrl.parse("rabbit://h:port/"))
			.withMessageContaining("not a number");
	}

	@Test
	void portIsWhatFollowsTheFirstColonAsInOslo() {
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> TransportUrl.parse("rabbit://h:1:2/"));
	}

	@Test
	void emptyPortMeansTheDefault() {
		Host host = TransportUrl.parse("rabbit://h:/").hosts().get(0);
		assertThat(host.port()).isNull();
		assertThat(host.effectivePort()).isEqualTo(5672);
	}

	@Test
	void defaultsAreLocalhostAnd5672EvenWithSsl() {
		TransportUrl url = TransportUrl.parse("rabbit://u:p@?ssl=1");
		Host host = url.hosts().get(0);
		assertThat(host.hostname()).isNull();
		assertThat(host.address()).isEqualTo("localhost:5672");
		assertThat(TransportUrl.parse("rabbit://").hosts()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			rabbit://h             | NULL | /
			rabbit://h/            | ''   | /
			rabbit://h//           | /    | /
			rabbit://h/%2F         | /    | /
			rabbit://h/vh%2Fa      | vh/a | vh/a
			rabbit://h/nova?ssl=1  | nova | nova
			fake:///isolated-name  | isolated-name | isolated-name
			""")
	void virtualHost(String url, String virtualHost, String effective) {
		TransportUrl parsed = TransportUrl.parse(url);
		assertThat(parsed.virtualHost()).isEqualTo(virtualHost);
		assertThat(parsed.effectiveVirtualHost()).isEqualTo(effective);
	}

	@Test
	void repeatedQueryKeysAreJoinedAndBlankValuesDropped() {
		TransportUrl url = TransportUrl.parse("rabbit://h/?a=1&a=2&b=&c&d=x%20y&e=p+q&&a=3");
		assertThat(url.query()).containsExactly(Map.entry("a", "1,2,3"), Map.entry("d", "x y"), Map.entry("e", "p q"));
		assertThat(url.option("a")).isEqualTo("1,2,3");
		assertThat(url.option("b")).isNull();
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			rabbit://h/, rabbit
			kombu://h/, rabbit
			kombu+memory:///, rabbit
			rabbit+ssl://h/, rabbit
			RABBIT://h/, rabbit
			fake://, fake
			amqp://h/, amqp
			""")
	void driverNames(String url, String driver) {
		assertThat(TransportUrl.parse(url).driver()).isEqualTo(driver);
	}

	@Test
	void fakeUrlHasNoHostAndNoVirtualHost() {
		TransportUrl url = TransportUrl.parse("fake://");
		assertThat(url.hosts()).isEmpty();
		assertThat(url.virtualHost()).isNull();
		assertThat(url.effectiveVirtualHost()).isEqualTo("/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "localhost:5672", "//h/", "://h/", "1abc://h/", "rabbit:/h" })
	void schemeIsRequired(String url) {
		assertThatExceptionOfType(InvalidTransportUrlException.class).isThrownBy(() -> TransportUrl.parse(url))
			.withMessageContaining("No scheme specified");
	}

	@Test
	void toStringMasksPasswordsInOslosForm() {
		TransportUrl url = TransportUrl.parse("rabbit://u1:s3cret@h1:5672,u%40x:p%2Fw@h2/vh%2Fa?ssl=1");
		assertThat(url).hasToString("rabbit://u1:****@h1:5672,u%40x:****@h2/vh/a?ssl=1");
		assertThat(url.toString()).doesNotContain("s3cret").doesNotContain("p/w").doesNotContain("p%2Fw");
		assertThat(url.hosts().get(0).toString()).isEqualTo("u1:****@h1:5672");
		assertThat(url.toUnmaskedString()).isEqualTo("rabbit://u1:s3cret@h1:5672,u%40x:p%2Fw@h2/vh/a?ssl=1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "rabbit://u:p%3Aq@h:5672/", "rabbit://h", "rabbit://h//", "rabbit://[::1]:5673/x",
			"rabbit://a%40b:c%40d@h/?x=1&x=2" })
	void toUnmaskedStringParsesBackToTheSameUrl(String text) {
		TransportUrl url = TransportUrl.parse(text);
		TransportUrl again = TransportUrl.parse(url.toUnmaskedString());
		assertThat(again.hosts()).isEqualTo(url.hosts());
		assertThat(again.effectiveVirtualHost()).isEqualTo(url.effectiveVirtualHost());
		assertThat(again.query()).isEqualTo(url.query());
	}

	/**
	 * Passwords with reserved characters, raw or percent-encoded: whatever happens, the
	 * password (or any piece of it) never shows in an exception or in toString().
	 */
	@ParameterizedTest
	@ValueSource(strings = { "Xq9/Zt7w", "Xq9@Zt7w", "Xq9:Zt7w", "Xq9?Zt7w", "Xq9#Zt7w", "Xq9,Zt7w", "Xq9/Zt7@w",
			"Xq9%Zt7w", "Xq9%zzZt7w", "Xq9]Zt7w", "Xq9[Zt7w" })
	void passwordNeverShows(String password) {
		for (String template : new String[] { "rabbit://user:%s@host:5672/vh", "rabbit://user:%s@host/",
				"rabbit://user:%s@host", "rabbit://user:%s@[::1]:5672/", "rabbit://a:b@h1,user:%s@host:1/v?x=1",
				"rabbit://user:%s@host:notaport/", "rabbit://user:%s@[::1/", "rabbit://user:%s@h:1,[::1/",
				"user:%s@host:5672/", "rabbit://user:%s@host:99999/", "rabbit://:%s@host/", "rabbit://:%s@host:bad/",
				"rabbit://:%s@[::1]x/" }) {
			String text = template.formatted(password);
			String shown;
			try {
				TransportUrl url = TransportUrl.parse(text);
				shown = url.toString() + url.hosts();
			}
			catch (InvalidTransportUrlException ex) {
				shown = ex.getMessage() + ex.maskedUrl() + ex.reason();
			}
			assertThat(shown).as(text).doesNotContain("Xq9").doesNotContain("Zt7");
		}
	}

	@Test
	void rawReservedCharacterInAPasswordIsExplainedNotGuessed() {
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> TransportUrl.parse("rabbit://user:123/abc@host:5672/"))
			.withMessage("Invalid transport URL 'rabbit://user:****@host:5672/': '@' after the host list: "
					+ "percent-encode '/', '?', '#' and ',' in user names and passwords (%2F, %3F, %23, %2C) "
					+ "and '@' in the virtual host or query (%40)");
		assertThat(TransportUrl.parse("rabbit://user:123%2Fabc@host:5672/vh%40x").hosts().get(0).password())
			.isEqualTo("123/abc");
		assertThat(TransportUrl.parse("rabbit://h/vh%40x").virtualHost()).isEqualTo("vh@x");
	}

	@Test
	void portErrorsDoNotShowThePort() {
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> TransportUrl.parse("rabbit://h1,u:abc,def@h2/"))
			.withMessage("Invalid transport URL 'rabbit://h1,u:****,****@h2/': the port of host 2 is not a number");
		assertThatExceptionOfType(InvalidTransportUrlException.class)
			.isThrownBy(() -> TransportUrl.parse("rabbit://h:65536/"))
			.withMessageEndingWith("the port of host 1 is out of range (1-65535)");
	}

	@Test
	void queryValueThatDecodesToBlankIsKeptAsInParseQs() {
		assertThat(TransportUrl.parse("rabbit://h/?a=%20").query()).containsExactly(Map.entry("a", " "));
	}

	@Test
	void unknownDriverIsOslosDriverLoadFailure() {
		InvalidTransportUrlException ex = catchThrowableOfType(InvalidTransportUrlException.class,
				() -> Transports.create("nosuchdriver://u:secret@h/"));
		assertThat(ex).hasMessageContaining("Failed to load transport driver \"nosuchdriver\"")
			.hasMessageNotContaining("secret");
		assertThat(ex.maskedUrl()).isEqualTo("nosuchdriver://u:****@h/");
	}

	@Test
	void transportsCreatesFakeTransports() {
		try (Transport transport = Transports.create("fake:///transport-url-test")) {
			assertThat(transport.url().driver()).isEqualTo("fake");
			assertThat(transport.controlExchange()).isEqualTo("openstack");
		}
	}

}
