package io.oslo4j.sample;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Calls the sample's HTTP API and returns status and body, whatever the status.
 */
final class SampleApiClient {

	private final RestClient rest;

	SampleApiClient(int port) {
		this.rest = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	Response get(String uri) {
		return this.rest.get()
			.uri(uri)
			.exchange((request, response) -> new Response(response.getStatusCode().value(),
					response.bodyTo(String.class)));
	}

	Response post(String uri, Object body) {
		return this.rest.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> new Response(response.getStatusCode().value(),
					response.bodyTo(String.class)));
	}

	record Response(int status, String body) {

		@SuppressWarnings("unchecked")
		Map<String, Object> json() {
			return tools.jackson.databind.json.JsonMapper.shared().readValue(this.body, Map.class);
		}

	}

}
