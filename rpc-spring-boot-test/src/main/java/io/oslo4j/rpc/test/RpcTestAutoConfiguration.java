package io.oslo4j.rpc.test;

import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.notify.RpcNotificationAutoConfiguration;
import io.oslo4j.rpc.boot.notify.RpcNotificationTransport;
import io.oslo4j.rpc.serializer.Serializer;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.wire.WireCodec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link RpcTestHarness} of a test annotated with {@link AutoConfigureRpcTest},
 * imported by that annotation (never by the application's own auto-configuration).
 */
@AutoConfiguration(after = { RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class })
@ConditionalOnBean({ Transport.class, WireCodec.class, Serializer.class })
public final class RpcTestAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	RpcTestHarness rpcTestHarness(Transport transport, WireCodec codec, Serializer serializer,
			ObjectProvider<RpcNotificationTransport> notifications) {
		RpcNotificationTransport notificationTransport = notifications.getIfAvailable();
		Transport notifying = (notificationTransport != null) ? notificationTransport.transport() : transport;
		return new RpcTestHarness(transport, notifying.url(), codec, serializer);
	}

}
