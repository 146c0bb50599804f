package io.oslo4j.rpc.boot.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.oslo4j.rpc.boot.e2e.client.InventoryClient;
import io.oslo4j.rpc.test.BrokerQueues;
import io.oslo4j.rpc.test.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The properties of the kolla-ansible 2025.1+ profile in docs/joining-openstack.md, on
 * RabbitMQ, through the starter: quorum topic queues, quorum reply queues named by the
 * queue manager after {@code spring.application.name}, one shared fanout stream; a call,
 * a cast and a fanout cast work across two servers.
 */
@Timeout(120)
class RpcKollaProfileOnRabbitTest {

	private final String url = TestBroker.url();

	private final String id = UUID.randomUUID().toString().substring(0, 8);

	private final String topic = "kolla_" + this.id;

	private final String exchange = "kolla_exchange_" + this.id;

	private final String[] profile = { "rpc.control-exchange=" + this.exchange, "rpc.rabbit.quorum-queues=true",
			"rpc.rabbit.transient-quorum-queues=true", "rpc.rabbit.stream-fanout=true", "rpc.rabbit.prefetch=1",
			"rpc.rabbit.queue-manager.enabled=true" };

	private final List<String> queues = new ArrayList<>(
			List.of(this.topic, this.topic + ".s1", this.topic + ".s2", this.topic + "_fanout"));

	@AfterEach
	void deleteQueuesAndExchange() throws Exception {
		BrokerQueues.delete(this.queues);
		try (Connection connection = BrokerQueues.rawConnectionFactory(this.url).newConnection("cleanup")) {
			Channel channel = connection.createChannel();
			channel.exchangeDelete(this.exchange);
		}
	}

	@Test
	void aClientTalksToTwoServersWithTheKollaProfile() throws Exception {
		RpcRunners.server(this.url, this.topic, "s1").withPropertyValues(this.profile).run((s1) -> {
			RpcRunners.server(this.url, this.topic, "s2").withPropertyValues(this.profile).run((s2) -> {
				RpcRunners.client(this.url, this.topic)
					.withPropertyValues(this.profile)
					.withPropertyValues("spring.application.name=billing-" + this.id)
					.run((client) -> {
						assertThat(client).hasNotFailed();
						InventoryClient inventory = client.getBean(InventoryClient.class);
						assertThat(inventory.reserve("abc", 2)).isEqualTo(5);
						inventory.record("once");
						inventory.refresh("everyone");
						InventoryEndpoint.awaitCastAndFanout(s1.getBean(InventoryEndpoint.class),
								s2.getBean(InventoryEndpoint.class), "once", "everyone");
						String listed = TestBroker.rabbitmqctl("list_queues", "name", "type");
						List<String> ours = listed.lines().filter((line) -> line.contains(this.id)).toList();
						System.out.println(String.join("\n", ours));
						assertThat(ours)
							.anySatisfy((line) -> assertThat(line).startsWith(this.topic + "\t").endsWith("quorum"));
						assertThat(ours).anySatisfy(
								(line) -> assertThat(line).startsWith(this.topic + "_fanout\t").endsWith("stream"));
						assertThat(ours).anySatisfy((line) -> assertThat(line).startsWith("reply_")
							.contains(":billing-" + this.id + ":")
							.endsWith("quorum"));
						ours.stream()
							.filter((line) -> line.startsWith("reply_"))
							.map((line) -> line.split("\t")[0])
							.forEach(this.queues::add);
					});
			});
		});
	}

}
