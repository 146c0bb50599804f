package io.oslo4j.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The benchmark's options: a system or option it does not know is refused by name, not
 * silently left out of the run.
 */
class BenchConfigTest {

	@Test
	void anUnknownSystemIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchConfig.parse("--systems", "bare,oslo4j-inlined"))
			.withMessageContaining("Unknown system 'oslo4j-inlined'")
			.withMessageContaining(Systems.OSLO4J_INLINE);
	}

	@Test
	void anOptionWithoutItsValueIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchConfig.parse("--debian13-root"))
			.withMessageStartingWith("--debian13-root needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchConfig.parse("--url", "--quick"))
			.withMessageStartingWith("--url needs a value");
	}

	@Test
	void theDebian13RootCanBeChosen() {
		assertThat(BenchConfig.parse("--debian13-root", "/srv/trixie").debian13Root())
			.isEqualTo(Path.of("/srv/trixie"));
		assertThat(BenchConfig.parse("--systems", "python16,python18,python18-oslo4j,oslo4j-kolla").systems())
			.containsExactly(Systems.PYTHON16, Systems.PYTHON18, Systems.PYTHON18_TO_OSLO4J, Systems.OSLO4J_KOLLA);
	}

	@Test
	void theInlineSystemRunsByDefaultAndCanBeChosen() {
		assertThat(BenchConfig.parse().systems()).contains(Systems.OSLO4J, Systems.OSLO4J_INLINE);
		assertThat(BenchConfig.parse("--systems", "bare,oslo4j-inline").systems()).containsExactly(Systems.BARE,
				Systems.OSLO4J_INLINE);
	}

}
