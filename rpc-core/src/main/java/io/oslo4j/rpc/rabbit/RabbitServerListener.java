package io.oslo4j.rpc.rabbit;

import java.util.List;

/**
 * A server's consumers: the queues {@code T}, {@code T.S} and its fanout queue (its own
 * {@code T_fanout_<hex>} or queue-manager queue, or the topic's shared stream).
 * {@link #close()} deletes the server's own {@code T_fanout_<hex>} queue, as oslo does on
 * a clean shutdown; queue-manager fanout queues are kept (their name comes back with the
 * service, and with it the fanout casts sent meanwhile), and the shared stream is never
 * deleted.
 */
final class RabbitServerListener extends RabbitQueueListener {

	RabbitServerListener(List<OsloListenerContainer> containers, RabbitTopology topology,
			RabbitLayout.Declarations declarations, Runnable onClose) {
		super(containers, topology, declarations, onClose);
	}

	/**
	 * Returns the fanout queue of this listener.
	 * @return the fanout queue name
	 */
	String fanoutQueue() {
		return queues().get(2);
	}

	@Override
	void deleteOwnQueues() {
		String own = declarations().ownQueue();
		if (own != null) {
			topology().deleteQueue(own);
		}
	}

}
