package io.oslo4j.rpc.boot.actuate;

import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/rpc} on a servlet application on a random port: absent by default, as
 * Spring Boot's own endpoints, and served as JSON once
 * {@code management.endpoints.web.exposure.include} names it.
 */
@Timeout(120)
class RpcActuatorWebExposureTest {

	@Test
	void isNotOnTheWebByDefault() {
		try (ConfigurableApplicationContext context = application().run()) {
			ResponseEntity<String> response = get(context, "/actuator/rpc");
			assertThat(response.getStatusCode().value()).isEqualTo(404);
			assertThat(get(context, "/actuator/health").getStatusCode().value()).isEqualTo(200);
		}
	}

	@Test
	void isOnTheWebOnceExposed() {
		String vhost = MessageIds.next();
		try (ConfigurableApplicationContext context = application()
			.properties("management.endpoints.web.exposure.include=health,rpc",
					"rpc.transport-url=fake://nova:s3cret@localhost/" + vhost)
			.run()) {
			ResponseEntity<String> response = get(context, "/actuator/rpc");
			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(response.getBody()).doesNotContain("s3cret");
			JsonNode rpc = JsonMapper.shared().readTree(response.getBody());
			assertThat(rpc.at("/transport/url").asString()).isEqualTo("fake://nova:****@localhost/" + vhost);
			assertThat(rpc.at("/transport/driver").asString()).isEqualTo("fake");
			JsonNode server = rpc.at("/servers/0");
			assertThat(server.at("/topic").asString()).isEqualTo("compute");
			assertThat(server.at("/server").asString()).isEqualTo("web-1");
			assertThat(server.at("/endpoints/0/namespace").asString()).isEqualTo("compute_api");
			assertThat(server.at("/endpoints/0/version").asString()).isEqualTo("2.3");
			assertThat(server.at("/endpoints/0/methods/buildInstance/0").asString()).isEqualTo("instanceName");
			assertThat(server.at("/endpoints/0/methods/buildInstance/1").asString()).isEqualTo("flavor");
			assertThat(rpc.at("/notificationListeners/0/pool").asString()).isEqualTo("audit");
			assertThat(rpc.at("/notificationListeners/0/filters/0/event_type").asString())
				.isEqualTo("^compute\\.instance\\.");
		}
	}

	private static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(WebApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "rpc.transport-url=fake:///" + MessageIds.next(), "rpc.server.name=web-1",
					"spring.main.banner-mode=off");
	}

	private static ResponseEntity<String> get(ConfigurableApplicationContext context, String path) {
		String port = context.getEnvironment().getRequiredProperty("local.server.port");
		return RestClient.create("http://127.0.0.1:" + port)
			.get()
			.uri(path)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

	/** The application: everything auto-configured, one endpoint and listener. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ComputeEndpoint.class)
	static class WebApplication {

	}

}
