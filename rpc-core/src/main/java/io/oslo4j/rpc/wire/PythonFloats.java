package io.oslo4j.rpc.wire;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Predicate;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes {@code double} and {@code float} values as Python's {@code repr(float)} (which
 * {@code json.dumps} uses): the shortest round-trip digits, fixed notation when the
 * decimal exponent is in {@code [-4, 16)} ({@code 10000000.0}, {@code 0.0001},
 * {@code 100.0}), otherwise scientific with a signed two-digit exponent and no {@code .0}
 * ({@code 1e+16}, {@code 1e-05}, {@code 1.5e+300}). Java's own {@code 1.0E7} /
 * {@code 1.0E-5} forms are valid JSON but not the bytes Python sends. NaN and infinities
 * are written as Python writes them ({@code NaN}, {@code Infinity}, {@code -Infinity}).
 */
final class PythonFloats {

	private PythonFloats() {
	}

	static SimpleModule module() {
		SimpleModule module = new SimpleModule("oslo4j-python-floats");
		ValueSerializer<Double> doubles = new ValueSerializer<>() {
			@Override
			public void serialize(Double value, JsonGenerator g, SerializationContext ctxt) {
				g.writeNumber(repr(value));
			}
		};
		ValueSerializer<Float> floats = new ValueSerializer<>() {
			@Override
			public void serialize(Float value, JsonGenerator g, SerializationContext ctxt) {
				g.writeNumber(repr(value));
			}
		};
		module.addSerializer(Double.class, doubles);
		module.addSerializer(double.class, doubles);
		module.addSerializer(Float.class, floats);
		module.addSerializer(float.class, floats);
		return module;
	}

	static String repr(double value) {
		if (Double.isNaN(value)) {
			return "NaN";
		}
		if (Double.isInfinite(value)) {
			return (value > 0) ? "Infinity" : "-Infinity";
		}
		return format(NumberOutput.toString(value, true), value == 0.0, Math.copySign(1.0, value) < 0,
				(text) -> Double.parseDouble(text) == value);
	}

	static String repr(float value) {
		if (Float.isNaN(value)) {
			return "NaN";
		}
		if (Float.isInfinite(value)) {
			return (value > 0) ? "Infinity" : "-Infinity";
		}
		return format(NumberOutput.toString(value, true), value == 0.0f, Math.copySign(1.0f, value) < 0,
				(text) -> Float.parseFloat(text) == value);
	}

	private static String format(String shortest, boolean zero, boolean negative, Predicate<String> roundTrips) {
		if (zero) {
			return negative ? "-0.0" : "0.0";
		}
		BigDecimal decimal = new BigDecimal(shortest).stripTrailingZeros();
		if (decimal.precision() == 2) {
			// Java always renders at least two digits, choosing the two-digit decimal
			// closest to the value (4.9E-324); Python takes one digit when one
			// round-trips
			// (5e-324). This only differs for subnormals.
			BigDecimal oneDigit = decimal.round(new MathContext(1, RoundingMode.HALF_EVEN));
			if (roundTrips.test(oneDigit.toString())) {
				decimal = oneDigit.stripTrailingZeros();
			}
		}
		String digits = decimal.unscaledValue().abs().toString();
		// position of the decimal point relative to the digits: value = 0.DIGITS *
		// 10^point
		int point = digits.length() - decimal.scale();
		StringBuilder out = new StringBuilder(24);
		if (decimal.signum() < 0) {
			out.append('-');
		}
		if (point > -4 && point <= 16) {
			if (point <= 0) {
				out.append("0.");
				out.append("0".repeat(-point));
				out.append(digits);
			}
			else if (point < digits.length()) {
				out.append(digits, 0, point).append('.').append(digits, point, digits.length());
			}
			else {
				out.append(digits).append("0".repeat(point - digits.length())).append(".0");
			}
		}
		else {
			out.append(digits.charAt(0));
			if (digits.length() > 1) {
				out.append('.').append(digits, 1, digits.length());
			}
			int exponent = point - 1;
			out.append('e').append((exponent < 0) ? '-' : '+');
			int abs = Math.abs(exponent);
			if (abs < 10) {
				out.append('0');
			}
			out.append(abs);
		}
		return out.toString();
	}

}
