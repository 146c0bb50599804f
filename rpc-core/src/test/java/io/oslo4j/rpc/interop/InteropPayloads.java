package io.oslo4j.rpc.interop;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Payloads both directions send: nested JSON with unicode (emoji included), nulls,
 * integers beyond {@code long}, floats and lists of maps, and a 1 MB string. Built with
 * the Java types Jackson gives back when it parses them, so results compare with
 * {@code equals}.
 */
final class InteropPayloads {

	static final BigInteger BEYOND_LONG = BigInteger.TWO.pow(70).add(BigInteger.valueOf(12345));

	static final BigInteger NEGATIVE_BEYOND_LONG = BigInteger.TWO.pow(65).negate();

	static final String UNICODE = "h\u00e9llo w\u00f6rld \u2713 \u65e5\u672c\u8a9e \ud83d\ude00 \"quoted\" \\ tab\t nl\n a/b \u007f \u0001";

	private InteropPayloads() {
	}

	static Map<String, @Nullable Object> nested() {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		map.put("unicode", UNICODE);
		map.put("emoji", "\ud83d\ude80\ud83c\udf0d");
		map.put("null", null);
		map.put("int", 42);
		map.put("long", 1L << 40);
		map.put("beyond_long", BEYOND_LONG);
		map.put("negative_beyond_long", NEGATIVE_BEYOND_LONG);
		map.put("float", 3.141592653589793);
		map.put("small_float", 1.5e-7);
		map.put("big_float", 1.0e300);
		map.put("floats", List.of(0.0001, 0.001, 100.0, 1.0e16, 1234567890123456.0, -2.5, 0.1 + 0.2, -0.0, 1.0e-5,
				123456789.125, Double.MAX_VALUE));
		map.put("bool", true);
		map.put("list_of_maps",
				List.of(Map.of("a", 1, "b", Arrays.asList(true, false, null)), Map.of("c", Map.of("d", "\u00fc"))));
		map.put("empty_map", Map.of());
		map.put("empty_list", List.of());
		List<Object> deep = new ArrayList<>();
		deep.add(Map.of("level", List.of(Map.of("level", List.of(Map.of("level", "bottom"))))));
		map.put("deep", deep);
		return map;
	}

	/**
	 * Returns a string of 1 MiB characters, mostly ASCII with some non-ASCII ones.
	 * @return the string
	 */
	static String oneMegabyte() {
		StringBuilder builder = new StringBuilder(1 << 20);
		String chunk = "0123456789abcdef\u00e9\ud83d\ude00";
		while (builder.length() < (1 << 20) - chunk.length()) {
			builder.append(chunk);
		}
		while (builder.length() < (1 << 20)) {
			builder.append('z');
		}
		return builder.toString();
	}

}
