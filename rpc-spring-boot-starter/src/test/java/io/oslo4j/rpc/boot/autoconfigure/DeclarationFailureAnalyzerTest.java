package io.oslo4j.rpc.boot.autoconfigure;

import io.oslo4j.rpc.rabbit.DeclarationException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DeclarationFailureAnalyzer}: the broker's text as description, the advice as
 * action, the queue options when there is no advice.
 */
class DeclarationFailureAnalyzerTest {

	private final DeclarationFailureAnalyzer analyzer = new DeclarationFailureAnalyzer();

	@Test
	void theDescriptionIsWhatCouldNotBeDeclaredAndTheActionIsTheAdvice() {
		DeclarationException refused = new DeclarationException(
				"Failed to declare queue 'reply_3f2a' (durable=false): 541 INTERNAL_ERROR - transient non-exclusive "
						+ "queues are not allowed",
				"set rabbit_transient_quorum_queue=true (rpc.rabbit.transient-quorum-queues=true) and "
						+ "rabbit_quorum_queue=true (rpc.rabbit.quorum-queues=true)",
				null);
		FailureAnalysis analysis = this.analyzer
			.analyze(new ApplicationContextException("Failed to start bean 'rpcEndpointRegistry'", refused));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("reply_3f2a")
			.contains("transient non-exclusive queues are not allowed")
			.doesNotContain("rpc.rabbit.transient-quorum-queues");
		assertThat(analysis.getAction()).contains("rpc.rabbit.transient-quorum-queues=true")
			.contains("rpc.rabbit.quorum-queues=true");
		assertThat(analysis.getCause()).isSameAs(refused);
	}

	@Test
	void withoutAdviceTheActionListsTheOptionsThatShapeDeclarations() {
		DeclarationException refused = new DeclarationException(
				"Failed to declare queue 'compute': 406 PRECONDITION_FAILED - inequivalent arg 'x-overflow'", null);
		FailureAnalysis analysis = this.analyzer.analyze(refused);
		assertThat(analysis.getDescription()).contains("inequivalent arg 'x-overflow'");
		assertThat(analysis.getAction()).contains("rpc.rabbit.quorum-queues (rabbit_quorum_queue)")
			.contains("rpc.rabbit.durable-queues (amqp_durable_queues)")
			.contains("rabbitmq-reset-state");
	}

	@Test
	void theMessageIsKeptWholeWhenItDoesNotEndWithTheAdvice() {
		DeclarationException refused = new DeclarationException("Failed", "set x", null);
		assertThat(DeclarationFailureAnalyzer.withoutAdvice(refused)).isEqualTo("Failed");
		assertThat(DeclarationFailureAnalyzer.withoutAdvice(new DeclarationException("Failed. set y", null)))
			.isEqualTo("Failed. set y");
	}

}
