package io.oslo4j.rpc.boot.autoconfigure;

import io.oslo4j.rpc.boot.autoconfigure.scan.good.GreeterClient;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @RpcClient} interfaces are found in the application's packages or those named by
 * {@code @EnableRpcClients}, and client names are checked against {@code rpc.clients}.
 */
@Timeout(60)
@ExtendWith(OutputCaptureExtension.class)
class RpcClientsScanningTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=fake:///" + MessageIds.next());

	@Test
	void interfacesInTheApplicationPackagesBecomeBeans() {
		this.runner.withUserConfiguration(GoodApplication.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(GreeterClient.class));
	}

	@Test
	void anInterfaceIsAFactoryBeanDefinitionThatAotCanWriteAsCode() {
		this.runner.withUserConfiguration(GoodApplication.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanNamesForType(GreeterClient.class)).containsExactly(GreeterClient.class.getName());
			BeanDefinition definition = context.getBeanFactory().getBeanDefinition(GreeterClient.class.getName());
			assertThat(definition.getBeanClassName()).isEqualTo(RpcClientFactoryBean.class.getName());
			assertThat(((AbstractBeanDefinition) definition).getInstanceSupplier()).isNull();
			assertThat(definition.isPrimary()).isFalse();
			assertThat(definition.getResolvableType().as(FactoryBean.class).getGeneric(0).resolve())
				.isEqualTo(GreeterClient.class);
			assertThat(definition.getConstructorArgumentValues().getIndexedArgumentValues().values())
				.extracting(ValueHolder::getValue)
				.containsExactly(GreeterClient.class, "greeter");
			assertThat(definition.getAttribute(RpcClientFactory.CLIENT_NAME_ATTRIBUTE)).isEqualTo("greeter");
			assertThat(context.getBean("&" + GreeterClient.class.getName(), RpcClientFactoryBean.class).getClientName())
				.isEqualTo("greeter");
		});
	}

	@Test
	void enableRpcClientsChoosesThePackages() {
		this.runner.withUserConfiguration(ExplicitPackages.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(GreeterClient.class));
	}

	@Test
	void withoutApplicationPackagesOrEnableRpcClientsNothingIsScanned() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GreeterClient.class));
	}

	@Test
	void aConfiguredClientThatNoInterfaceUsesIsLoggedAsAWarning(CapturedOutput output) {
		this.runner.withUserConfiguration(GoodApplication.class)
			.withPropertyValues("rpc.clients.greetr.topic=greeter", "rpc.clients.greeter.timeout=5s")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("rpc.clients.greetr is configured but no @RpcClient(\"greetr\") interface")
			.doesNotContain("rpc.clients.greeter is configured");
	}

	@Test
	void aClientLookedUpByAnUnknownNameIsRefusedNamingTheKey() {
		this.runner.withPropertyValues("rpc.clients.compute.topic=compute").run((context) -> {
			RpcClientFactory factory = context.getBean(RpcClientFactory.class);
			assertThat(factory.client("compute").target().topic()).isEqualTo("compute");
			assertThatExceptionOfType(RpcConfigurationException.class).isThrownBy(() -> factory.client("comptue"))
				.satisfies((ex) -> assertThat(ex.property()).isEqualTo("rpc.clients.comptue"))
				.withMessageContaining("[compute]");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = GreeterClient.class)
	static class GoodApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableRpcClients("io.oslo4j.rpc.boot.autoconfigure.scan.good")
	static class ExplicitPackages {

	}

}
