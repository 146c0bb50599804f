package io.oslo4j.rpc.server;

import java.util.ArrayList;
import java.util.List;

import io.oslo4j.rpc.RpcVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The version check reads what clients send in one pass and agrees with Python's
 * evaluation of oslo's {@code version_is_compatible} on every such version; anything else
 * takes Python's route.
 */
class PythonVersionCheckTest {

	private static final List<RpcVersion> IMPLEMENTED = List.of(new RpcVersion(1, 0, -1), new RpcVersion(1, 3, -1),
			new RpcVersion(2, 5, 7), new RpcVersion(0, 0, -1), new RpcVersion(123456789, 12, 0));

	private static final List<String> NUMBERS = List.of("0", "1", "2", "3", "5", "6", "7", "8", "12", "01", "007",
			"123456789");

	@Test
	void everySimpleVersionIsReadInOnePassAndAgreesWithPython() {
		List<String> versions = new ArrayList<>();
		for (String major : NUMBERS) {
			for (String minor : NUMBERS) {
				versions.add(major + "." + minor);
				for (String revision : NUMBERS) {
					versions.add(major + "." + minor + "." + revision);
				}
			}
		}
		int compatible = 0;
		for (RpcVersion implemented : IMPLEMENTED) {
			for (String version : versions) {
				int simple = PythonVersionCheck.simple(implemented, version);
				boolean python = PythonVersionCheck.python(implemented, version);
				assertThat(simple).as("%s against %s", version, implemented).isEqualTo(python ? 1 : 0);
				assertThat(PythonVersionCheck.isCompatible(implemented, version)).isEqualTo(python);
				compatible += simple;
			}
		}
		assertThat(compatible).as("both outcomes are covered").isPositive().isLessThan(versions.size() * 5);
	}

	@Test
	void theRevisionCountsOnlyWhenTheMinorsAreEqual() {
		RpcVersion implemented = new RpcVersion(1, 3, -1);
		assertThat(PythonVersionCheck.simple(implemented, "1.3.0")).isOne();
		assertThat(PythonVersionCheck.simple(implemented, "1.3.1")).isZero();
		assertThat(PythonVersionCheck.simple(implemented, "1.2.9")).isOne();
		assertThat(PythonVersionCheck.simple(implemented, "1.4")).isZero();
		assertThat(PythonVersionCheck.simple(implemented, "2.3")).isZero();
		assertThat(PythonVersionCheck.simple(new RpcVersion(1, 3, 4), "1.3.4")).isOne();
		assertThat(PythonVersionCheck.simple(new RpcVersion(1, 3, 4), "1.3.5")).isZero();
		assertThat(PythonVersionCheck.simple(new RpcVersion(1, 3, 4), "1.3")).isOne();
	}

	@Test
	void anyOtherTextTakesPythonsRoute() {
		RpcVersion implemented = new RpcVersion(1, 3, -1);
		for (String other : List.of("", "1", "1.", ".1", "1..2", "1.3.", "1.2.3.4", "+1.0", " 1.0", "1.0 ", "1_0.0",
				"1234567890.0", "1.1234567890", "\u0661.\u0660", "1.x", "x.1", "1,3", "-1.0")) {
			assertThat(PythonVersionCheck.simple(implemented, other)).as(other)
				.isEqualTo(PythonVersionCheck.NOT_SIMPLE);
		}
		// Python's int() takes what the one pass leaves to it
		assertThat(PythonVersionCheck.isCompatible(implemented, "1.2.3.4")).isTrue();
		assertThat(PythonVersionCheck.isCompatible(implemented, " 1 . 3 ")).isTrue();
		assertThat(PythonVersionCheck.isCompatible(implemented, "+1.0")).isTrue();
		assertThat(PythonVersionCheck.isCompatible(implemented, "2")).isFalse();
		assertThat(PythonVersionCheck.isCompatible(new RpcVersion(1234567890, 0, -1), "1234567890.0")).isTrue();
		assertThatExceptionOfType(DispatchFailure.class)
			.isThrownBy(() -> PythonVersionCheck.isCompatible(implemented, "1"))
			.withMessageContaining("list index out of range");
		assertThatExceptionOfType(DispatchFailure.class)
			.isThrownBy(() -> PythonVersionCheck.isCompatible(implemented, "1.x"))
			.withMessageContaining("invalid literal for int() with base 10: 'x'");
	}

}
