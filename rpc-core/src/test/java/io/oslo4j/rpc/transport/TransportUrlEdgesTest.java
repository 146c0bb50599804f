package io.oslo4j.rpc.transport;

import java.util.Map;

import io.oslo4j.rpc.transport.TransportUrl.Host;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Edges of {@link TransportUrl#parse} that one wrong comparison would move: separators at
 * the first position, empty user and host parts, the first and last valid ports, and the
 * exact masked text of URLs that do not parse.
 */
class TransportUrlEdgesTest {

	@Test
	void aFragmentOrQueryRightAfterTheSchemeLeavesNoHost() {
		assertThat(TransportUrl.parse("rabbit://#frag").hosts()).isEmpty();
		TransportUrl url = TransportUrl.parse("rabbit://?heartbeat=5");
		assertThat(url.hosts()).isEmpty();
		assertThat(url.query()).isEqualTo(Map.of("heartbeat", "5"));
		assertThat(url.virtualHost()).isNull();
	}

	@Test
	void emptyUserAndHostParts() {
		assertThat(TransportUrl.parse("rabbit://@h/").hosts()).containsExactly(new Host("h", null, "", null));
		assertThat(TransportUrl.parse("rabbit://:5673/").hosts()).containsExactly(new Host(null, 5673, null, null));
		assertThat(TransportUrl.parse("rabbit://u:p@:5673/").hosts()).containsExactly(new Host(null, 5673, "u", "p"));
	}

	@Test
	void portsFrom1To65535AreValid() {
		assertThat(TransportUrl.parse("rabbit://h:1/").hosts().get(0).port()).isEqualTo(1);
		assertThat(TransportUrl.parse("rabbit://h:65535/").hosts().get(0).port()).isEqualTo(65535);
		for (String port : new String[] { "0", "65536", "-1" }) {
			assertThatExceptionOfType(InvalidTransportUrlException.class).as(port)
				.isThrownBy(() -> TransportUrl.parse("rabbit://h:" + port + "/"))
				.withMessageEndingWith("the port of host 1 is out of range (1-65535)");
		}
	}

	@Test
	void theMaskedTextOfUrlsThatDoNotParseIsExact() {
		assertInvalid("://u:secret@h/", "://u:****@h/",
				"No scheme specified (expected driver://..., e.g. rabbit://user:pass@host:5672/)");
		assertInvalid("rabbit://user:abc/@host:5672/", "rabbit://user:****@host:5672/",
				"'@' after the host list: percent-encode '/', '?', '#' and ',' in user names and passwords "
						+ "(%2F, %3F, %23, %2C) and '@' in the virtual host or query (%40)");
		assertInvalid("rabbit://u:secret@h:bad/v,x:y", "rabbit://u:****@h:bad/v,x:y",
				"the port of host 1 is not a number");
		assertInvalid("rabbit://u:secret@h:bad?x=a,b:c", "rabbit://u:****@h:bad?x=a,b:c",
				"the port of host 1 is not a number");
		assertInvalid("rabbit://u:secret@h:bad#a,b:c", "rabbit://u:****@h:bad#a,b:c",
				"the port of host 1 is not a number");
		assertInvalid("rabbit://@h:bad/", "rabbit://@h:bad/", "the port of host 1 is not a number");
		assertInvalid("rabbit://h1:1,u:se,cret@h2:bad/", "rabbit://h1:1,u:****,****@h2:bad/",
				"the port of host 2 is not a number");
	}

	private static void assertInvalid(String url, String masked, String reason) {
		assertThatExceptionOfType(InvalidTransportUrlException.class).as(url)
			.isThrownBy(() -> TransportUrl.parse(url))
			.satisfies((ex) -> {
				assertThat(ex.maskedUrl()).isEqualTo(masked);
				assertThat(ex.reason()).isEqualTo(reason);
			});
	}

}
