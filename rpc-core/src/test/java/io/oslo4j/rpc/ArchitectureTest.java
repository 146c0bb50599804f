package io.oslo4j.rpc;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering rules of {@code architecture.md}, on the main classes of rpc-core. Loading
 * the rabbit transport through {@code META-INF/services} is not a code dependency, so it
 * is allowed.
 */
@AnalyzeClasses(packages = "io.oslo4j.rpc", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final String RABBIT = "io.oslo4j.rpc.rabbit..";

	@ArchTest
	static final ArchRule onlyRabbitUsesSpringAmqpOrTheRabbitClient = noClasses().that()
		.resideOutsideOfPackage(RABBIT)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.amqp..", "com.rabbitmq..")
		.because("only the rabbit transport knows RabbitMQ; everything else is written against Transport")
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule nothingDependsOnTheRabbitTransport = noClasses().that()
		.resideOutsideOfPackage(RABBIT)
		.should()
		.dependOnClassesThat()
		.resideInAPackage(RABBIT)
		.because("the rabbit transport is found through Transports and META-INF/services, never referenced")
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule transportLayerKnowsNothingAboveIt = noClasses().that()
		.resideInAPackage("io.oslo4j.rpc.transport..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.oslo4j.rpc.client..", "io.oslo4j.rpc.server..", "io.oslo4j.rpc.wire..")
		.because("data flows client -> wire -> transport; transports move bytes and never parse them")
		.allowEmptyShould(true);

	@Test
	void amqpRuleCatchesAViolation() {
		assertThat(onlyRabbitUsesSpringAmqpOrTheRabbitClient
			.evaluate(new ClassFileImporter().importClasses(UsesSpringAmqp.class))
			.hasViolation()).isTrue();
	}

	/** Not under rabbit, yet uses Spring AMQP: what the first rule refuses. */
	static final class UsesSpringAmqp {

		int size(Message message) {
			return message.getBody().length;
		}

	}

}
