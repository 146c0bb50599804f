package io.oslo4j.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.function.LongUnaryOperator;

import io.oslo4j.rpc.wire.WireCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link CodecComparison}: each build runs its own rpc-core classes, the benchmark's
 * workload links to its build's, and the command line refuses what it cannot use, naming
 * it.
 */
@Timeout(60)
class CodecComparisonTest {

	private static Path coreClasses() throws URISyntaxException {
		return Path.of(WireCodec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	@Test
	void eachBuildRunsItsOwnCodecClassesAndTheWorkloadLinksToThem() throws Exception {
		ClassLoader parent = getClass().getClassLoader();
		try (BuildClassLoader one = new BuildClassLoader(coreClasses(), parent);
				BuildClassLoader two = new BuildClassLoader(coreClasses(), parent)) {
			Class<?> codecOne = one.loadClass(WireCodec.class.getName());
			Class<?> codecTwo = two.loadClass(WireCodec.class.getName());
			assertThat(codecOne.getClassLoader()).isSameAs(one);
			assertThat(codecTwo.getClassLoader()).isSameAs(two);
			assertThat(codecOne).isNotSameAs(WireCodec.class);
			// shared: what both builds use that is not rpc-core
			assertThat(one.loadClass("tools.jackson.databind.ObjectMapper"))
				.isSameAs(two.loadClass("tools.jackson.databind.ObjectMapper"));

			LongUnaryOperator workload = CodecComparison.workload(one, "SMALL");
			assertThat(workload.getClass().getClassLoader()).isSameAs(one);
			assertThat(workload.getClass().getDeclaredField("codec").getType()).isSameAs(codecOne);
			assertThat(workload.applyAsLong(3)).isNotZero();
		}
	}

	@Test
	void theSameBuildTwiceComparesNearOne() throws Exception {
		String dir = coreClasses().toString();
		CodecComparison comparison = new CodecComparison(CodecComparison.Options.parse("--before", dir, "--after", dir,
				"--payload", "SMALL", "--rounds", "6", "--round-millis", "50", "--warmup", "2"));
		CodecComparison.Result result = comparison.compare("SMALL");
		assertThat(result.ratio().rounds()).isEqualTo(6);
		assertThat(result.beforeMicros()).isPositive();
		assertThat(result.afterMicros()).isPositive();
		// a bound that only a broken comparison misses: one build measured against itself
		assertThat(result.ratio().median()).isBetween(0.5, 2.0);
	}

	@Test
	void aDirectoryWithoutRpcCoreIsRefusedNamingWhatToGive(@TempDir Path empty) {
		assertThatIllegalArgumentException().isThrownBy(() -> new BuildClassLoader(empty, getClass().getClassLoader()))
			.withMessageContaining("No rpc-core classes in " + empty)
			.withMessageContaining("rpc-core/target/classes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BuildClassLoader(empty.resolve("missing"), getClass().getClassLoader()))
			.withMessage("No such directory or jar: " + empty.resolve("missing"));
	}

	@Test
	void badOptionsAreRefusedNamingTheOption() {
		assertThatIllegalArgumentException().isThrownBy(() -> CodecComparison.Options.parse("--before", "a"))
			.withMessageStartingWith("Both --before and --after are needed");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CodecComparison.Options.parse("--before", "a", "--after", "b", "--rounds", "0"))
			.withMessage("--rounds must be at least 1, not 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CodecComparison.Options.parse("--before", "a", "--after", "b", "--payload", "huge"))
			.withMessageStartingWith("--payload must be SMALL, LARGE or both, not 'huge'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CodecComparison.Options.parse("--before", "a", "--after", "b", "--warmup", "x"))
			.withMessage("--warmup takes a whole number, not 'x'");
		assertThatIllegalArgumentException().isThrownBy(() -> CodecComparison.Options.parse("--rounds"))
			.withMessageStartingWith("Option --rounds needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> CodecComparison.Options.parse("--speed", "1"))
			.withMessageStartingWith("Unknown option --speed");
	}

}
