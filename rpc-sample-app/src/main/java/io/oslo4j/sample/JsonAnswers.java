package io.oslo4j.sample;

import java.util.List;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Makes every answer of the HTTP API JSON, strings included: {@code /api/sleep} answers
 * the JSON string {@code "slept 5"} as {@code application/json}, not the text
 * {@code slept 5}. Spring MVC writes a {@code String} result with its plain-text
 * converter when that converter comes first; this puts the JSON converter ahead of it, so
 * a client that accepts JSON (or anything) gets JSON.
 */
@Component
class JsonAnswers implements ServerHttpMessageConvertersCustomizer {

	@Override
	public void customize(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConvertersList(JsonAnswers::jsonBeforeText);
	}

	static void jsonBeforeText(List<HttpMessageConverter<?>> converters) {
		int text = indexOf(converters, StringHttpMessageConverter.class);
		int json = indexOf(converters, JacksonJsonHttpMessageConverter.class);
		if (text >= 0 && json > text) {
			converters.add(text, converters.remove(json));
		}
	}

	private static int indexOf(List<HttpMessageConverter<?>> converters, Class<?> type) {
		for (int i = 0; i < converters.size(); i++) {
			if (type.isInstance(converters.get(i))) {
				return i;
			}
		}
		return -1;
	}

}
