package io.oslo4j.rpc.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.transport.TransportUrl;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Reads {@code spring.rabbitmq.*} directly from the environment when
 * {@code spring-boot-amqp} is not on the class path: {@code host} (localhost),
 * {@code port} (5672), {@code addresses} ({@code host[:port]} list, wins over host and
 * port), {@code username} and {@code password} (guest), {@code virtual-host} and
 * {@code ssl.enabled}.
 */
final class EnvironmentBrokerUrlSource implements BrokerUrlSource {

	private final Environment environment;

	EnvironmentBrokerUrlSource(Environment environment) {
		this.environment = environment;
	}

	@Override
	public TransportUrl url() {
		boolean ssl = this.environment.getProperty("spring.rabbitmq.ssl.enabled", Boolean.class, false);
		int defaultPort = this.environment.getProperty("spring.rabbitmq.port", Integer.class, ssl ? 5671 : 5672);
		List<Map.Entry<String, Integer>> addresses = new ArrayList<>();
		String list = this.environment.getProperty("spring.rabbitmq.addresses");
		if (StringUtils.hasText(list)) {
			for (String address : StringUtils.commaDelimitedListToStringArray(list)) {
				String trimmed = address.trim();
				int colon = trimmed.lastIndexOf(':');
				addresses.add((colon > 0)
						? Map.entry(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1)))
						: Map.entry(trimmed, defaultPort));
			}
		}
		else {
			addresses.add(Map.entry(this.environment.getProperty("spring.rabbitmq.host", "localhost"), defaultPort));
		}
		return BrokerUrlSource.rabbit(addresses, this.environment.getProperty("spring.rabbitmq.username", "guest"),
				this.environment.getProperty("spring.rabbitmq.password", "guest"),
				this.environment.getProperty("spring.rabbitmq.virtual-host"), ssl);
	}

}
