package io.oslo4j.rpc.kafka;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Only the {@code kafka} package touches Kafka types, as only {@code rabbit} touches AMQP
 * types; and the Kafka transport never reaches into the RabbitMQ one.
 */
@AnalyzeClasses(packages = "io.oslo4j.rpc", importOptions = ImportOption.DoNotIncludeTests.class)
class KafkaArchitectureTest {

	@ArchTest
	static final ArchRule onlyTheKafkaPackageUsesKafka = noClasses().that()
		.resideOutsideOfPackage("io.oslo4j.rpc.kafka..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.kafka..")
		.because("only the kafka transport knows Kafka; everything else is written against Transport");

	@ArchTest
	static final ArchRule kafkaDoesNotUseRabbit = noClasses().that()
		.resideInAPackage("io.oslo4j.rpc.kafka..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.oslo4j.rpc.rabbit..", "org.springframework.amqp..", "com.rabbitmq..");

}
