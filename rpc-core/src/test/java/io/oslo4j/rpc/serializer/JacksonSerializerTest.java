package io.oslo4j.rpc.serializer;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.wire.OsloJson;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link JacksonSerializer}: JSON-ready values convert to the declared Java types and
 * back, conversion errors name the type, and no message can make it instantiate a class.
 */
class JacksonSerializerTest {

	private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

	private final RpcContext ctx = RpcContext.empty();

	public static class Pojo {

		public String name;

		public int count;

		public @Nullable List<String> tags;

	}

	public record Point(int x, int y) {
	}

	public record Line(Point from, Point to, @Nullable String label) {
	}

	public enum Color {

		RED, GREEN

	}

	private static Map<String, @Nullable Object> map(@Nullable Object... keyValues) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put((String) keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

	private static List<@Nullable Object> list(@Nullable Object... values) {
		return new ArrayList<>(Arrays.asList(values));
	}

	private static Type type(TypeReference<?> reference) {
		return reference.getType();
	}

	private @Nullable Object in(@Nullable Object primitive, Type type) {
		return this.serializer.deserializeEntity(this.ctx, primitive, type);
	}

	/** What the wire codec would make of the serialized value. */
	private @Nullable Object wire(@Nullable Object value) {
		Object serialized = this.serializer.serializeEntity(this.ctx, value);
		return OsloJson.mapper().readValue(OsloJson.mapper().writeValueAsString(serialized), Object.class);
	}

	@Test
	void pojo() {
		Pojo pojo = (Pojo) in(map("name", "n", "count", 3, "tags", list("a", "b"), "unknown", true), Pojo.class);
		assertThat(pojo.name).isEqualTo("n");
		assertThat(pojo.count).isEqualTo(3);
		assertThat(pojo.tags).containsExactly("a", "b");
		assertThat(wire(pojo)).isEqualTo(map("name", "n", "count", 3, "tags", list("a", "b")));
	}

	@Test
	void recordsAndListsOfRecords() {
		Line line = new Line(new Point(1, 2), new Point(3, 4), null);
		Object primitive = wire(line);
		assertThat(primitive).isEqualTo(map("from", map("x", 1, "y", 2), "to", map("x", 3, "y", 4), "label", null));
		assertThat(in(primitive, Line.class)).isEqualTo(line);
		Object points = in(list(map("x", 1, "y", 2), map("x", 5, "y", 6)), type(new TypeReference<List<Point>>() {
		}));
		assertThat(points).isEqualTo(List.of(new Point(1, 2), new Point(5, 6)));
	}

	@Test
	void genericMaps() {
		Object value = in(map("a", list(1, 2), "b", list()), type(new TypeReference<Map<String, List<Integer>>>() {
		}));
		assertThat(value).isEqualTo(Map.of("a", List.of(1, 2), "b", List.of()));
		// elements are converted to the declared type, not left as they came
		Object longs = in(map("a", list(1, 2)), type(new TypeReference<Map<String, List<Long>>>() {
		}));
		assertThat(((Map<?, ?>) longs).get("a")).isEqualTo(List.of(1L, 2L));
	}

	@Test
	void optional() {
		Type optionalString = type(new TypeReference<Optional<String>>() {
		});
		assertThat(in(null, optionalString)).isEqualTo(Optional.empty());
		assertThat(in("x", optionalString)).isEqualTo(Optional.of("x"));
		Type optionalPoint = type(new TypeReference<Optional<Point>>() {
		});
		assertThat(in(map("x", 1, "y", 2), optionalPoint)).isEqualTo(Optional.of(new Point(1, 2)));
		assertThat(this.serializer.serializeEntity(this.ctx, Optional.empty())).isNull();
		assertThat(this.serializer.serializeEntity(this.ctx, Optional.of("x"))).isEqualTo("x");
	}

	@Test
	void javaTime() {
		Instant instant = Instant.parse("2026-11-23T19:03:58.938797Z");
		LocalDateTime local = LocalDateTime.parse("2026-11-23T19:03:58.938797");
		Duration duration = Duration.ofSeconds(90, 5);
		assertThat(in(wire(instant), Instant.class)).isEqualTo(instant);
		assertThat(in(wire(local), LocalDateTime.class)).isEqualTo(local);
		assertThat(in(wire(duration), Duration.class)).isEqualTo(duration);
		// oslo's jsonutils writes datetimes as "YYYY-MM-DDTHH:MM:SS.ffffff"
		assertThat(wire(local)).isEqualTo("2026-11-23T19:03:58.938797");
		assertThat(in("2026-11-23T19:03:58.938797", LocalDateTime.class)).isEqualTo(local);
		assertThat(in("2026-11-23T19:03:58.938797Z", Instant.class)).isEqualTo(instant);
	}

	@Test
	void enums() {
		assertThat(in("GREEN", Color.class)).isEqualTo(Color.GREEN);
		assertThat(wire(Color.RED)).isEqualTo("RED");
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> in("BLUE", Color.class))
			.withMessageContaining("Color");
	}

	@Test
	void nullStaysNull() {
		assertThat(in(null, String.class)).isNull();
		assertThat(in(null, Point.class)).isNull();
		assertThat(in(null, Integer.class)).isNull();
		assertThat(in(null, Object.class)).isNull();
		assertThat(in(null, type(new TypeReference<List<Point>>() {
		}))).isNull();
		assertThat(this.serializer.serializeEntity(this.ctx, null)).isNull();
	}

	@Test
	void nullForAPrimitiveNamesTheType() {
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> in(null, int.class))
			.withMessageContaining("int");
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> in(null, boolean.class))
			.withMessageContaining("boolean");
	}

	@Test
	void primitivesConvert() {
		assertThat(in(5, int.class)).isEqualTo(5);
		assertThat(in(5, long.class)).isEqualTo(5L);
		assertThat(in(true, boolean.class)).isEqualTo(true);
		assertThat(in(1.5, double.class)).isEqualTo(1.5);
		assertThat(in(2, double.class)).isEqualTo(2.0);
	}

	@Test
	void wrongTypeNamesTheType() {
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> in("abc", int.class))
			.withMessageContaining("int");
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> in(list(1), Point.class))
			.withMessageContaining(Point.class.getSimpleName());
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> in(map("x", "no"), Point.class))
			.withMessageContaining(Point.class.getSimpleName());
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> in(map("a", list("x")), type(new TypeReference<Map<String, List<Integer>>>() {
			})))
			.withMessageContaining("Integer");
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> in(map("a", 1), Integer.class))
			.withMessageContaining("Integer");
	}

	@Test
	void polymorphicTypingGadgetsStayPlainData() {
		Map<String, @Nullable Object> urlGadget = map("@class", "java.net.URL", "protocol", "http", "host",
				"attacker.example", "file", "/");
		List<@Nullable Object> processGadget = list("java.lang.ProcessBuilder",
				map("command", list("touch", "/tmp/oslo4j-pwned")));
		List<@Nullable Object> wrapperArray = list("java.net.URL", "http://attacker.example/");
		for (Object gadget : List.of(urlGadget, processGadget, wrapperArray)) {
			for (Type target : List.of(Object.class, Map.class, List.class,
					type(new TypeReference<Map<String, Object>>() {
					}), type(new TypeReference<List<Object>>() {
					}))) {
				Object value;
				try {
					value = in(gadget, target);
				}
				catch (SerializationException ex) {
					continue; // refused (e.g. a list into a Map) is fine too
				}
				assertPlainData(value);
			}
		}
		// also through the wire reader itself
		Object parsed = OsloJson.mapper()
			.readValue("{\"@class\": \"java.net.URL\", \"x\": [\"java.lang.ProcessBuilder\", {}]}", Object.class);
		assertPlainData(parsed);
		assertThat(parsed).isEqualTo(map("@class", "java.net.URL", "x", list("java.lang.ProcessBuilder", map())));
	}

	private static void assertPlainData(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.values().forEach(JacksonSerializerTest::assertPlainData);
			map.keySet().forEach((k) -> assertThat(k).isInstanceOf(String.class));
			return;
		}
		if (value instanceof List<?> list) {
			list.forEach(JacksonSerializerTest::assertPlainData);
			return;
		}
		throw new AssertionError("not plain data: " + value.getClass().getName());
	}

}
