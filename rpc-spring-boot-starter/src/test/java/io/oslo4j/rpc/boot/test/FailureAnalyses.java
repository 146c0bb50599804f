package io.oslo4j.rpc.boot.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Analyzes a startup failure with the failure analyzers registered in
 * {@code META-INF/spring.factories}, as Spring Boot does when an application fails to
 * start; so the test also shows that the analyzer is registered.
 */
public final class FailureAnalyses {

	private FailureAnalyses() {
	}

	/**
	 * Returns the first analysis of a failure, as Spring Boot shows it.
	 * @param failure the startup failure
	 * @return the analysis
	 * @throws AssertionError when there is no failure or no analyzer explains it
	 */
	public static FailureAnalysis analyze(@Nullable Throwable failure) {
		if (failure == null) {
			throw new AssertionError("the context started; a failure was expected");
		}
		// analyzers that need a bean factory are left out: none of them is oslo4j's
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, (type, name, ex) -> {
			});
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		throw new AssertionError("no failure analyzer explains " + failure, failure);
	}

}
