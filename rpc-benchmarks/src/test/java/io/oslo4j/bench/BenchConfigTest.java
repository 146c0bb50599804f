package io.oslo4j.bench;

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
	void theInlineSystemRunsByDefaultAndCanBeChosen() {
		assertThat(BenchConfig.parse().systems()).contains(Systems.OSLO4J, Systems.OSLO4J_INLINE);
		assertThat(BenchConfig.parse("--systems", "bare,oslo4j-inline").systems()).containsExactly(Systems.BARE,
				Systems.OSLO4J_INLINE);
	}

}
