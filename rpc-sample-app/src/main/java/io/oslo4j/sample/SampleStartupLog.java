package io.oslo4j.sample;

import io.oslo4j.rpc.boot.autoconfigure.RpcProperties;
import io.oslo4j.rpc.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Logs one line when the sample is ready: the transport (password masked), the topic, the
 * server name and a curl to try.
 */
@Component
class SampleStartupLog implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(SampleStartupLog.class);

	private final Transport transport;

	private final RpcProperties properties;

	private final Environment environment;

	SampleStartupLog(Transport transport, RpcProperties properties, Environment environment) {
		this.transport = transport;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		logger.info(
				"oslo4j sample ready: transport {}, topic {}, server {}; try: curl 'http://localhost:{}/api/add?a=2&b=3'",
				this.transport.url(), this.properties.getServer().getTopic(),
				this.properties.getServer().effectiveName(), port);
	}

}
