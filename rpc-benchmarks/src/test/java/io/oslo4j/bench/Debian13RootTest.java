package io.oslo4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A Debian 13 root that is missing or incomplete makes its systems fail with a message
 * that says how to make it.
 */
class Debian13RootTest {

	@Test
	void aMissingRootNamesTheScriptThatBuildsIt(@TempDir Path dir) {
		assertThatIllegalStateException()
			.isThrownBy(() -> new Debian13Root(dir.resolve("trixie")).python(Debian13Root.PYTHON18, "18.1"))
			.withMessageContaining("no Debian 13 root at " + dir.resolve("trixie"))
			.withMessageContaining(".ci/debian13-root");
	}

	@Test
	void aRootWithoutTheVenvNamesTheInterpreterAndTheScript(@TempDir Path dir) throws Exception {
		Files.createDirectories(dir.resolve("usr/bin"));
		assertThatIllegalStateException().isThrownBy(() -> new Debian13Root(dir).python(Debian13Root.PYTHON18, "18.1"))
			.withMessageContaining("has no /opt/oslo18/bin/python3")
			.withMessageContaining(".ci/debian13-root");
	}

}
