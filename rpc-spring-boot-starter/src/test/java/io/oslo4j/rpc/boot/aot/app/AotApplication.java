package io.oslo4j.rpc.boot.aot.app;

import io.oslo4j.rpc.boot.autoconfigure.RpcAutoConfiguration;
import io.oslo4j.rpc.boot.notify.RpcNotificationAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The application: the starter's auto-configuration, the {@code @RpcClient} interfaces of
 * this package, an endpoint and a listener.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
@ImportAutoConfiguration({ RpcAutoConfiguration.class, RpcNotificationAutoConfiguration.class })
@Import({ AotCalculatorEndpoint.class, AotListener.class })
public class AotApplication {

}
