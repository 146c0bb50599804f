package io.oslo4j.rpc.rabbit;

import java.util.Map;

import com.rabbitmq.client.impl.LongStringHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery limit of quorum queues: which limit applies, and which delivery is a
 * message's last.
 */
class DeliveryLimitTest {

	private static final Map<String, Object> RABBITMQ_4 = Map.of("version", LongStringHelper.asLongString("4.0.5"));

	private static final Map<String, Object> RABBITMQ_3 = Map.of("version", LongStringHelper.asLongString("3.10.8"));

	@Test
	void withoutTheOptionRabbitMq4sDefaultAppliesAndRabbitMq3HasNoLimit() {
		DeliveryLimit limit = new DeliveryLimit(0);
		assertThat(limit.limit(RABBITMQ_4.get("version"))).isEqualTo(20);
		assertThat(limit.limit("4.3.0")).isEqualTo(20);
		assertThat(limit.limit(RABBITMQ_3.get("version"))).isZero();
		assertThat(limit.limit(null)).isZero();
		assertThat(limit.limit("unknown")).isZero();
	}

	@Test
	void theOptionSetsTheLimitOnEveryBroker() {
		DeliveryLimit limit = new DeliveryLimit(5);
		assertThat(limit.limit(RABBITMQ_4.get("version"))).isEqualTo(5);
		assertThat(limit.limit(RABBITMQ_3.get("version"))).isEqualTo(5);
	}

	@Test
	void theDeliveryWhoseCountReachedTheLimitIsTheLastAndIsCounted() {
		DeliveryLimit limit = new DeliveryLimit(0);
		assertThat(limit.check(Map.of(), "q", RABBITMQ_4)).isFalse();
		assertThat(limit.check(Map.of(DeliveryLimit.HEADER, 19L), "q", RABBITMQ_4)).isFalse();
		assertThat(limit.lastDeliveries()).isZero();
		assertThat(limit.check(Map.of(DeliveryLimit.HEADER, 20L), "q", RABBITMQ_4)).isTrue();
		assertThat(limit.check(Map.of(DeliveryLimit.HEADER, 20), "q", RABBITMQ_4)).isTrue();
		assertThat(limit.lastDeliveries()).isEqualTo(2);
	}

	@Test
	void rabbitMq3WithoutALimitNeverCountsAndABadHeaderIsIgnored() {
		DeliveryLimit limit = new DeliveryLimit(0);
		assertThat(limit.check(Map.of(DeliveryLimit.HEADER, 1000L), "q", RABBITMQ_3)).isFalse();
		assertThat(limit.check(Map.of(DeliveryLimit.HEADER, "20"), "q", RABBITMQ_4)).isFalse();
		assertThat(limit.check(Map.of(DeliveryLimit.HEADER, 1000L), "q", Map.of())).isFalse();
		assertThat(limit.lastDeliveries()).isZero();
	}

}
