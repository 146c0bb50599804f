package io.oslo4j.rpc.kafka;

import io.oslo4j.rpc.interop.OsloPeer;

/**
 * Kafka notifications between Java and {@link OsloPeer#OSLO_18}.
 */
class Oslo18KafkaInteropTest extends AbstractKafkaInteropTests {

	@Override
	OsloPeer peer() {
		return OsloPeer.OSLO_18;
	}

}
