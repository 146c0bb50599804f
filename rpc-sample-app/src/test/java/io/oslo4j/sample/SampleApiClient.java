package io.oslo4j.sample;

import java.io.IOException;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;

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
		return this.rest.get().uri(uri).exchange((request, response) -> Response.of(response));
	}

	Response post(String uri, Object body) {
		return this.rest.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange((request, response) -> Response.of(response));
	}

	/**
	 * What the API answered.
	 *
	 * @param status the HTTP status
	 * @param body the body as text, empty when there is none
	 * @param contentType the {@code Content-Type}, {@code null} when there is no body
	 */
	record Response(int status, String body, @Nullable MediaType contentType) {

		/**
		 * A JSON answer.
		 * @param status the HTTP status
		 * @param json the body as JSON text
		 * @return the response
		 */
		static Response json(int status, String json) {
			return new Response(status, json, MediaType.APPLICATION_JSON);
		}

		private static Response of(ConvertibleClientHttpResponse response) throws IOException {
			String body = response.bodyTo(String.class);
			return new Response(response.getStatusCode().value(), (body != null) ? body : "",
					response.getHeaders().getContentType());
		}

		@SuppressWarnings("unchecked")
		Map<String, Object> json() {
			return tools.jackson.databind.json.JsonMapper.shared().readValue(this.body, Map.class);
		}

	}

}
