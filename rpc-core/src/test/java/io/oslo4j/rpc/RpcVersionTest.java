package io.oslo4j.rpc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RpcVersion} against oslo's {@code version_is_compatible(imp, req)} (wire spec
 * §6).
 */
class RpcVersionTest {

	@ParameterizedTest(name = "implemented {0}, requested {1}: {2}")
	@CsvSource(textBlock = """
			1.0,   1.0,   true
			1.5,   1.0,   true
			1.5,   1.5,   true
			1.5,   1.6,   false
			1.0,   2.0,   false
			2.0,   1.0,   false
			2.3,   1.3,   false
			1.0,   1.0.1, false
			1.0.1, 1.0,   true
			1.0.1, 1.0.1, true
			1.0.1, 1.0.2, false
			1.0.2, 1.0.1, true
			1.1,   1.0.9, true
			1.1.0, 1.0.9, true
			1.0.9, 1.1,   false
			1.0,   1.0.0, true
			1.0.0, 1.0,   true
			10.2,  10.10, false
			10.10, 10.2,  true
			""")
	void osloCompatibilityTable(String implemented, String requested, boolean compatible) {
		assertThat(RpcVersion.isCompatible(RpcVersion.parse(implemented), RpcVersion.parse(requested)))
			.isEqualTo(compatible);
		assertThat(RpcVersion.parse(implemented).accepts(RpcVersion.parse(requested))).isEqualTo(compatible);
	}

	@Test
	void nullImplementedAcceptsEverything() {
		assertThat(RpcVersion.isCompatible(null, RpcVersion.parse("9.9"))).isTrue();
		assertThat(RpcVersion.isCompatible(null, null)).isTrue();
	}

	@Test
	void nullRequestedIsRefused() {
		assertThat(RpcVersion.isCompatible(RpcVersion.parse("1.0"), null)).isFalse();
	}

	@Test
	void parsesTwoAndThreeParts() {
		assertThat(RpcVersion.parse("1.2")).isEqualTo(new RpcVersion(1, 2, -1)).hasToString("1.2");
		assertThat(RpcVersion.parse("1.2.3")).isEqualTo(new RpcVersion(1, 2, 3)).hasToString("1.2.3");
		assertThat(RpcVersion.DEFAULT).hasToString("1.0");
		assertThat(RpcVersion.parse("0.0")).isEqualTo(new RpcVersion(0, 0, -1)).hasToString("0.0");
		assertThat(RpcVersion.parse("1.2.0")).isEqualTo(new RpcVersion(1, 2, 0)).hasToString("1.2.0");
	}

	@Test
	void oneComponentIsInvalid() {
		assertThatIllegalArgumentException().isThrownBy(() -> RpcVersion.parse("1"))
			.withMessage("Version must contain a major and minor integer. Got 1");
	}

	@Test
	void otherMalformedVersionsAreInvalid() {
		for (String bad : new String[] { "", "1.", ".1", "a.0", "1.b", "1.0.x", "1.0.0.0", "1.-1", "-1.0", "1.2.-1",
				"99999999999.0" }) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> RpcVersion.parse(bad));
		}
	}

}
