package io.oslo4j.rpc.rabbit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.oslo4j.rpc.transport.TransportSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A customizer changes the amqp-client factory both connections of a transport are opened
 * with, and only before it connects.
 */
@Timeout(60)
class RabbitConnectionFactoryCustomizerTests {

	@Test
	void theConnectionsAreOpenedWithTheCustomizedFactory() {
		AtomicInteger threads = new AtomicInteger();
		ThreadFactory counting = (runnable) -> {
			threads.incrementAndGet();
			return Executors.defaultThreadFactory().newThread(runnable);
		};
		try (RabbitTransport transport = RabbitTestSupport.transport(TransportSettings.defaults())) {
			transport.customizeConnectionFactory((factory) -> factory.setThreadFactory(counting));
			assertThat(transport.connect(Duration.ofSeconds(10))).isTrue();
			assertThat(threads.get()).as("threads of the consumer connection").isPositive();
		}
	}

	@Test
	void consumersAndPublishersShareTheCustomizedFactory() {
		try (RabbitConnectionFactories factories = new RabbitConnectionFactories(
				io.oslo4j.rpc.transport.TransportUrl.parse("rabbit://127.0.0.1:5672/"),
				RabbitOptions.of(io.oslo4j.rpc.transport.TransportUrl.parse("rabbit://127.0.0.1:5672/"),
						TransportSettings.defaults()),
				null)) {
			assertThat(factories.publisher().getRabbitConnectionFactory())
				.isSameAs(factories.consumer().getRabbitConnectionFactory());
		}
	}

	@Test
	void aTransportThatHasConnectedRefusesACustomizer() {
		try (RabbitTransport transport = RabbitTestSupport.transport(TransportSettings.defaults())) {
			assertThat(transport.connect(Duration.ofSeconds(10))).isTrue();
			assertThatIllegalStateException()
				.isThrownBy(() -> transport.customizeConnectionFactory((factory) -> factory.setRequestedChannelMax(5)))
				.withMessageContaining("before it connects");
		}
	}

}
