package io.oslo4j.rpc.wire;

import java.math.BigDecimal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a {@code double} as Python's {@code repr(float)} (and so {@code json.dumps}):
 * the shortest digits, positional between 1e-4 and 1e16 ({@code 0.0001}, {@code 100.0}),
 * otherwise {@code 1.5e-07} and {@code 1e+300}; Java would write {@code 1.5E-7} and
 * {@code 1.0E300}. NaN and infinities are left to Jackson.
 */
final class PythonFloatSerializer extends StdSerializer<Double> {

	static final PythonFloatSerializer INSTANCE = new PythonFloatSerializer();

	private PythonFloatSerializer() {
		super(Double.class);
	}

	@Override
	public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			// unchanged: Jackson's own form, which Jackson can read back
			generator.writeNumber(value);
			return;
		}
		generator.writeNumber(repr(value));
	}

	static String repr(double value) {
		if (value == 0) {
			return (1 / value < 0) ? "-0.0" : "0.0";
		}
		BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
		String digits = decimal.unscaledValue().toString();
		// value = 0.<digits> x 10^point
		int point = digits.length() - decimal.scale();
		StringBuilder out = new StringBuilder(24);
		if (value < 0) {
			out.append('-');
		}
		if (point > -4 && point <= 16) {
			if (point <= 0) {
				out.append("0.").append("0".repeat(-point)).append(digits);
			}
			else if (digits.length() <= point) {
				out.append(digits).append("0".repeat(point - digits.length())).append(".0");
			}
			else {
				out.append(digits, 0, point).append('.').append(digits, point, digits.length());
			}
		}
		else {
			out.append(digits.charAt(0));
			if (digits.length() > 1) {
				out.append('.').append(digits, 1, digits.length());
			}
			int exponent = point - 1;
			out.append('e').append((exponent < 0) ? '-' : '+');
			int magnitude = Math.abs(exponent);
			if (magnitude < 10) {
				out.append('0');
			}
			out.append(magnitude);
		}
		return out.toString();
	}

}
