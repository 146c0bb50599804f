package io.oslo4j.rpc.test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.boot.notify.RpcNotificationTransport;
import io.oslo4j.rpc.notify.Notifier;
import io.oslo4j.rpc.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose configuration sends notifications on a transport of their own has
 * them on the test's broker too, and recorded.
 */
@SpringBootTest(classes = SeparateNotificationTransportTest.Application.class,
		properties = "spring.config.location=classpath:separate-notifications.properties")
@AutoConfigureRpcTest
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SeparateNotificationTransportTest {

	@Autowired
	Transport transport;

	@Autowired
	RpcNotificationTransport notificationTransport;

	@Autowired
	Notifier notifier;

	@Autowired
	RpcTestHarness rpc;

	@Test
	void notificationsGoToTheTestsBrokerAndAreRecorded() {
		assertThat(this.notificationTransport.transport()).isNotSameAs(this.transport);
		assertThat(this.notificationTransport.transport().url().effectiveVirtualHost()).startsWith("rpc-test-")
			.isEqualTo(this.transport.url().effectiveVirtualHost());
		this.notifier.info(RpcContext.empty(), "thing.done", Map.of("id", 1));
		assertThat(this.rpc.awaitNotification("thing.done").payload()).isEqualTo(Map.of("id", 1));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
