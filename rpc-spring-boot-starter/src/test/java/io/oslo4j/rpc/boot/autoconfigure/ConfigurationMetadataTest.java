package io.oslo4j.rpc.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.oslo4j.rpc.rabbit.RabbitOptions;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The configuration metadata an IDE shows: key hints for every oslo option
 * {@code rpc.rabbit.options} accepts, and no hint for one it refuses; durations with
 * their defaults; the notification driver as an enum with oslo's names.
 */
class ConfigurationMetadataTest {

	private static final Pattern READ = Pattern.compile("reader\\.\\w+\\(");

	private static JsonNode metadata() throws IOException {
		try (InputStream in = ConfigurationMetadataTest.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
	}

	private static JsonNode find(JsonNode array, String name) {
		for (JsonNode node : array) {
			if (name.equals(node.get("name").asString())) {
				return node;
			}
		}
		throw new AssertionError("no metadata entry " + name);
	}

	private static Set<String> optionHints() throws IOException {
		Set<String> names = new LinkedHashSet<>();
		find(metadata().get("hints"), "rpc.rabbit.options.keys").get("values")
			.forEach((value) -> names.add(value.get("value").asString()));
		return names;
	}

	@Test
	void everyHintedOptionIsAcceptedByTheRabbitTransport() throws IOException {
		for (String name : optionHints()) {
			// a value of the wrong kind is refused naming the option, an unknown name as
			// "no such option"
			Throwable thrown = catchThrowable(() -> RabbitOptions.of(TransportUrl.parse("rabbit://h/"),
					TransportSettings.defaults().withOptions(Map.of(name, "?"))));
			assertThat(thrown).as(name)
				.satisfiesAnyOf((ex) -> assertThat(ex).isNull(),
						(ex) -> assertThat(ex).hasMessageNotContaining("no such option"));
		}
	}

	@Test
	void everyOptionTheRabbitTransportReadsIsHinted() throws IOException {
		Path source = Path.of("../rpc-core/src/main/java/io/oslo4j/rpc/rabbit/RabbitOptions.java");
		boolean present = Files.isRegularFile(source);
		// in CI the sources are always there: a missing file is a moved class, not a skip
		if (!"true".equals(System.getenv("CI"))) {
			Assumptions.assumeTrue(present, "rpc-core's sources are next to this module");
		}
		assertThat(source).as("the rabbit transport's option reader (moved? update this test)").isRegularFile();
		// the string literals among the arguments of each reader.<type>(...) call
		Set<String> read = new LinkedHashSet<>();
		String text = Files.readString(source);
		Matcher call = READ.matcher(text);
		while (call.find()) {
			int depth = 1;
			int end = call.end();
			while (depth > 0 && end < text.length()) {
				char c = text.charAt(end++);
				depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
			}
			String arguments = text.substring(call.end(), end).replaceAll("Set\\.of\\([^)]*\\)", "");
			Matcher literal = Pattern.compile("\"([a-z][a-z0-9_]*)\"").matcher(arguments);
			while (literal.find()) {
				read.add(literal.group(1));
			}
		}
		Matcher ignored = Pattern.compile("IGNORED = Set\\.of\\(([^;]*)\\);", Pattern.DOTALL)
			.matcher(Files.readString(source));
		assertThat(ignored.find()).isTrue();
		read.addAll(
				Pattern.compile("\"([a-z_]+)\"").matcher(ignored.group(1)).results().map((m) -> m.group(1)).toList());
		read.add("max_message_size");
		// read only to be refused with a reason
		read.remove("kombu_compression");
		assertThat(optionHints()).containsAll(read);
		System.out.println("rpc.rabbit.options hints: " + optionHints().size());
	}

	@Test
	void durationsShowTheirDefaults() throws IOException {
		JsonNode properties = metadata().get("properties");
		Map<String, String> expected = Map.of("rpc.response-timeout", "60s", "rpc.connect-timeout", "10s",
				"rpc.rabbit.heartbeat", "60s", "rpc.rabbit.transient-queues-ttl", "1800s",
				"rpc.rabbit.reply-retry-timeout", "60s", "rpc.server.shutdown-timeout", "30s");
		expected.forEach((name, value) -> assertThat(find(properties, name).get("defaultValue").asString()).as(name)
			.isEqualTo(value));
		assertThat(find(properties, "rpc.rabbit.ssl.verify").get("defaultValue").asBoolean()).isTrue();
		assertThat(find(properties, "rpc.rabbit.heartbeat").get("description").asString())
			.contains("a number without unit is seconds");
	}

	@Test
	void theNotificationDriverIsAnEnumHintedWithOslosNames() throws IOException {
		JsonNode metadata = metadata();
		assertThat(find(metadata.get("properties"), "rpc.notifications.driver").get("type").asString())
			.isEqualTo("io.oslo4j.rpc.notify.NotifierDriver");
		List<String> values = new ArrayList<>();
		find(metadata.get("hints"), "rpc.notifications.driver").get("values")
			.forEach((value) -> values.add(value.get("value").asString()));
		assertThat(values).containsExactly("messagingv2", "messaging", "log", "noop");
	}

}
