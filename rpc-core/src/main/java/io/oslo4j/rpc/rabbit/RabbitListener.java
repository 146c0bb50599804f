package io.oslo4j.rpc.rabbit;

/**
 * A server's consumers: one container on the queues {@code T}, {@code T.S} and
 * {@code T_fanout_<hex>}. {@link #close()} deletes the fanout queue, as oslo does on a
 * clean shutdown, and stops re-declaring the listener's topology.
 */
final class RabbitListener extends RabbitQueueListener {

	RabbitListener(OsloListenerContainer container, RabbitTopology topology, RabbitTopology.Declarations declarations,
			Runnable onClose) {
		super(container, topology, declarations, onClose);
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
		topology().deleteQueue(fanoutQueue());
	}

}
