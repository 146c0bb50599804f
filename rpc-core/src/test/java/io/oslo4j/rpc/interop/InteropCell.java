package io.oslo4j.rpc.interop;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

import io.oslo4j.rpc.test.BrokerQueues;

/**
 * A cell of the interop matrix: a stack (an oslo.messaging release on a RabbitMQ broker)
 * and a mode of the rabbit driver that this release has. Java and Python peers of a cell
 * use the same broker, virtual host and options.
 *
 * <ul>
 * <li>stack 1: oslo.messaging 14.0.3 (Debian 12) on the host's RabbitMQ 3.10;</li>
 * <li>stack 2: oslo.messaging 16.1.0 (Debian 13) on RabbitMQ 4.0.5;</li>
 * <li>stack 3: oslo.messaging 18.1.0 on RabbitMQ 4.0.5 made as strict as 4.3, where
 * oslo's default mode cannot run.</li>
 * </ul>
 */
public enum InteropCell {

	/** Stack 1, oslo's default mode. */
	OSLO14_DEFAULT(OsloPeer.OSLO_14, InteropBroker.HOST, InteropMode.DEFAULT),

	/** Stack 1, quorum topic queues. */
	OSLO14_QUORUM(OsloPeer.OSLO_14, InteropBroker.HOST, InteropMode.QUORUM),

	/** Stack 2, oslo's default mode. */
	OSLO16_DEFAULT(OsloPeer.OSLO_16, InteropBroker.RABBIT_4_0, InteropMode.DEFAULT),

	/** Stack 2, quorum topic queues. */
	OSLO16_QUORUM(OsloPeer.OSLO_16, InteropBroker.RABBIT_4_0, InteropMode.QUORUM),

	/** Stack 2, kolla-ansible's mode. */
	OSLO16_KOLLA(OsloPeer.OSLO_16, InteropBroker.RABBIT_4_0, InteropMode.KOLLA),

	/** Stack 2, openstack-ansible's mode. */
	OSLO16_OSA(OsloPeer.OSLO_16, InteropBroker.RABBIT_4_0, InteropMode.OSA),

	/** Stack 3, kolla-ansible's mode. */
	OSLO18_KOLLA(OsloPeer.OSLO_18, InteropBroker.RABBIT_4_0_STRICT, InteropMode.KOLLA),

	/** Stack 3, openstack-ansible's mode. */
	OSLO18_OSA(OsloPeer.OSLO_18, InteropBroker.RABBIT_4_0_STRICT, InteropMode.OSA),

	/** Stack 3, oslo's default mode: refused by the broker. */
	OSLO18_DEFAULT(OsloPeer.OSLO_18, InteropBroker.RABBIT_4_0_STRICT, InteropMode.DEFAULT);

	private static final AtomicInteger PROCESSES = new AtomicInteger();

	private final OsloPeer peer;

	private final InteropBroker broker;

	private final InteropMode mode;

	InteropCell(OsloPeer peer, InteropBroker broker, InteropMode mode) {
		this.peer = peer;
		this.broker = broker;
		this.mode = mode;
	}

	/** Returns the Python peer of the cell. */
	public OsloPeer peer() {
		return this.peer;
	}

	/** Returns the broker of the cell. */
	public InteropBroker broker() {
		return this.broker;
	}

	/** Returns the mode of the cell. */
	public InteropMode mode() {
		return this.mode;
	}

	/**
	 * Checks that the cell's Python peer can run (failing under {@code CI=true}) and
	 * returns the transport URL of Java peers, starting the broker when needed.
	 * @return the URL with the mode's options as its query
	 */
	public String url() {
		this.peer.require();
		String url = this.broker.url(this.mode.virtualHost());
		return this.mode.query().isEmpty() ? url : url + "?" + this.mode.query();
	}

	/**
	 * Returns the transport URL for one Python process. In the queue manager's mode each
	 * gets a process name of its own ({@code processname}), since oslo names reply and
	 * fanout queues after the host and the process name only, and would give two
	 * processes that run the same script the same queues.
	 * @param role what the process is, e.g. {@code p1}
	 * @return the URL
	 */
	public String pythonUrl(String role) {
		String url = url();
		if (!this.mode.usesQueueManager()) {
			return url;
		}
		return url + "&processname=oslo4j-" + role + "-" + PROCESSES.incrementAndGet();
	}

	/**
	 * Deletes queues of the cell's virtual host, ignoring those that do not exist.
	 * @param names the queue names
	 */
	public void deleteQueues(Collection<String> names) {
		BrokerQueues.delete(this.broker.url(this.mode.virtualHost()), names);
	}

	@Override
	public String toString() {
		return this.peer + " on " + this.broker + ", " + this.mode.name().toLowerCase() + " mode";
	}

}
