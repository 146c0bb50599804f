package io.oslo4j.rpc.boot.notify;

import io.oslo4j.rpc.boot.test.FailureAnalyses;

import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.notify.NotifierDriver;
import io.oslo4j.rpc.transport.InvalidTransportUrlException;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RpcNotificationAutoConfiguration}: the {@link Notifier} bean from
 * {@code rpc.notifications.*}, its transport, back-off and switches.
 */
@Timeout(60)
class RpcNotificationAutoConfigurationTest {

	private final String url = "fake:///" + MessageIds.next();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class))
		.withPropertyValues("rpc.transport-url=" + this.url, "rpc.server.name=host-1");

	@Test
	void defaultsAreAMessagingV2NotifierOnTheRpcTransportPublishingAsApplicationDotServer() {
		this.runner.withPropertyValues("spring.application.name=inventory").run((context) -> {
			Notifier notifier = context.getBean(Notifier.class);
			assertThat(notifier.driver()).isEqualTo(NotifierDriver.MESSAGING_V2);
			assertThat(notifier.topics()).containsExactly("notifications");
			assertThat(notifier.publisherId()).isEqualTo("inventory.host-1");
			RpcNotificationTransport transport = context.getBean(RpcNotificationTransport.class);
			assertThat(transport.isSeparate()).isFalse();
			assertThat(transport.transport()).isSameAs(context.getBean(Transport.class));
			assertThat(context).hasSingleBean(RpcNotificationListenerRegistry.class).hasSingleBean(Transport.class);
		});
	}

	@Test
	void withoutAnApplicationNameThePublisherIdIsTheServerName() {
		this.runner.run((context) -> assertThat(context.getBean(Notifier.class).publisherId()).isEqualTo("host-1"));
	}

	@Test
	void driverTopicsAndPublisherIdComeFromProperties() {
		this.runner
			.withPropertyValues("rpc.notifications.driver=messaging", "rpc.notifications.topics=billing,audit",
					"rpc.notifications.publisher-id=compute.host9")
			.run((context) -> {
				Notifier notifier = context.getBean(Notifier.class);
				assertThat(notifier.driver()).isEqualTo(NotifierDriver.MESSAGING);
				assertThat(notifier.topics()).containsExactly("billing", "audit");
				assertThat(notifier.publisherId()).isEqualTo("compute.host9");
			});
		this.runner.withPropertyValues("rpc.notifications.driver=noop")
			.run((context) -> assertThat(context.getBean(Notifier.class).isEnabled()).isFalse());
		this.runner.withPropertyValues("rpc.notifications.driver=log")
			.run((context) -> assertThat(context.getBean(Notifier.class).driver()).isEqualTo(NotifierDriver.LOG));
	}

	@Test
	void whenUserDefinesANotifierThenAutoConfigurationBacksOff() {
		this.runner
			.withBean("myNotifier", Notifier.class,
					() -> new Notifier(Transports.create(this.url), "mine", NotifierDriver.LOG, List.of("t")))
			.run((context) -> {
				assertThat(context).hasSingleBean(Notifier.class);
				assertThat(context.getBean(Notifier.class).publisherId()).isEqualTo("mine");
			});
	}

	@Test
	void aSeparateTransportUrlGivesNotificationsTheirOwnTransportClosedWithTheContext() {
		String other = "fake://nova:s3cret@localhost/" + MessageIds.next();
		Transport[] separate = new Transport[1];
		this.runner.withPropertyValues("rpc.notifications.transport-url=" + other).run((context) -> {
			RpcNotificationTransport transport = context.getBean(RpcNotificationTransport.class);
			assertThat(transport.isSeparate()).isTrue();
			assertThat(transport.transport()).isNotSameAs(context.getBean(Transport.class));
			assertThat(transport.transport().url().toString()).isEqualTo(other.replace("s3cret", "****"));
			assertThat(transport.transport().controlExchange()).isEqualTo("openstack");
			separate[0] = transport.transport();
			assertThat(separate[0].isConnected()).isTrue();
		});
		assertThat(separate[0].isConnected()).isFalse();
	}

	@Test
	void theNotificationTransportUrlIsMaskedInConfigprops() {
		String other = "fake://nova:s3cret@localhost/" + MessageIds.next();
		this.runner.withPropertyValues("rpc.notifications.transport-url=" + other).run((context) -> {
			List<SanitizingFunction> functions = context.getBeanProvider(SanitizingFunction.class)
				.orderedStream()
				.toList();
			ConfigurationPropertiesReportEndpoint configprops = new ConfigurationPropertiesReportEndpoint(functions,
					Show.ALWAYS);
			configprops.setApplicationContext(context);
			String beanName = "rpc.notifications-" + RpcNotificationProperties.class.getName();
			Map<String, Object> properties = configprops.configurationPropertiesWithPrefix("rpc.notifications")
				.getContexts()
				.get(context.getId())
				.getBeans()
				.get(beanName)
				.getProperties();
			assertThat(properties.get("transportUrl")).isEqualTo(other.replace("s3cret", "****"));
		});
	}

	@Test
	void anUnknownDriverFailsStartupNamingThePropertyAndTheValidDrivers() {
		this.runner.withPropertyValues("rpc.notifications.driver=routing").run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(IllegalArgumentException.class);
			assertThat(analysis.getDescription()).contains("rpc.notifications.driver")
				.contains("'routing' is not a notification driver (messagingv2, messaging, log or noop)");
			assertThat(analysis.getAction()).contains("rpc.notifications.driver=messagingv2");
		});
	}

	@Test
	void aMalformedNotificationTransportUrlFailsStartupWithoutShowingThePassword() {
		this.runner.withPropertyValues("rpc.notifications.transport-url=rabbit://nova:s3cret@host:notaport/")
			.run((context) -> {
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(InvalidTransportUrlException.class);
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("rpc.notifications.transport-url")
					.contains("nova:****@")
					.doesNotContain("s3cret");
			});
	}

	@Test
	void blankTopicsFailStartup() {
		this.runner.withPropertyValues("rpc.notifications.topics=a,,b").run((context) -> {
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("rpc.notifications.topics");
		});
	}

	@Test
	void whenListenersAreSwitchedOffThereIsNoRegistryButStillANotifier() {
		this.runner.withPropertyValues("rpc.notifications.listener.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RpcNotificationListenerRegistry.class)
				.hasSingleBean(Notifier.class));
	}

	@Test
	void withoutATransportThereIsNoNotifier() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RpcNotificationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Notifier.class));
	}

	@Test
	void withoutOslo4jNotificationsOnTheClasspathItBacksOff() {
		this.runner.withClassLoader(new FilteredClassLoader(Notifier.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RpcNotificationTransport.class)
				.doesNotHaveBean(RpcNotificationListenerRegistry.class));
	}

}
