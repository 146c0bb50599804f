package io.oslo4j.rpc.notify;

import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NotificationFilter#rules()} in oslo's {@code filter_rule} shape, and
 * {@link NotificationListener#filters()}.
 */
class NotificationFilterRulesTest {

	private static final NotificationFilter FILTER = NotificationFilter.builder()
		.eventType("^compute\\.instance\\.")
		.publisherId("^compute\\.")
		.context("project_id", "^p1$")
		.payload("state", "active")
		.payload("host", "h1")
		.build();

	@Test
	void rulesAreOslosFilterRuleWithOnlyTheKeysSet() {
		assertThat(FILTER.rules()).containsExactly(Map.entry("publisher_id", "^compute\\."),
				Map.entry("event_type", "^compute\\.instance\\."), Map.entry("context", Map.of("project_id", "^p1$")),
				Map.entry("payload", Map.of("host", "h1", "state", "active")));
		assertThat(NotificationFilter.builder().build().rules()).isEmpty();
	}

	@Test
	void aListenerShowsTheFiltersOfItsEndpointsThatHaveOne() {
		try (Transport transport = Transports.create("fake:///" + MessageIds.next())) {
			NotificationListener listener = NotificationListener.create(transport, List.of(Target.topic("n")),
					List.of(new Info(FILTER), new Info(null)), NotificationListenerOptions.defaults());
			assertThat(listener.filters()).containsExactly(FILTER);
		}
	}

	static final class Info implements NotificationEndpoint {

		private final @Nullable NotificationFilter filter;

		Info(@Nullable NotificationFilter filter) {
			this.filter = filter;
		}

		@Override
		public NotificationResult info(RpcContext context, @Nullable String publisherId, @Nullable String eventType,
				@Nullable Object payload, Map<String, @Nullable Object> metadata) {
			return NotificationResult.HANDLED;
		}

		@Override
		public @Nullable NotificationFilter filter() {
			return this.filter;
		}

	}

}
