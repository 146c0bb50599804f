package io.oslo4j.rpc.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;

/**
 * Reads a document whose long string values {@link LongStringValues} took out: it counts
 * the string values as it moves from token to token, and at the n-th, when that one was
 * taken out, gives the value taken out instead of the empty string in the text. Every
 * method that moves to another token goes through {@link #nextToken()}, so the count
 * cannot miss one; {@link #restoredAll()} tells whether each value taken out was read
 * back, and a caller that finds it was not parses the original document instead.
 */
final class LongStringParser extends JsonParserDelegate {

	private final int[] ordinals;

	private final String[] values;

	/** The ordinal of the current string value, or 0 when the token is not one. */
	private int current;

	private int seen;

	/** The index in {@link #ordinals} of the next value to restore. */
	private int next;

	private int restored;

	private int lastRestored;

	LongStringParser(JsonParser parser, int[] ordinals, String[] values) {
		super(parser);
		this.ordinals = ordinals;
		this.values = values;
	}

	/**
	 * Returns whether every value taken out was read back in its place.
	 * @return whether the parsed value is the document's
	 */
	boolean restoredAll() {
		return this.restored == this.values.length;
	}

	@Override
	public @Nullable JsonToken nextToken() {
		JsonToken token = this.delegate.nextToken();
		this.current = (token == JsonToken.VALUE_STRING) ? ++this.seen : 0;
		return token;
	}

	@Override
	public @Nullable JsonToken nextValue() {
		JsonToken token = nextToken();
		return (token == JsonToken.PROPERTY_NAME) ? nextToken() : token;
	}

	@Override
	public @Nullable String nextName() {
		return (nextToken() == JsonToken.PROPERTY_NAME) ? currentName() : null;
	}

	@Override
	public boolean nextName(SerializableString name) {
		return nextToken() == JsonToken.PROPERTY_NAME && name.getValue().equals(currentName());
	}

	@Override
	public int nextNameMatch(PropertyNameMatcher matcher) {
		String name = nextName();
		if (name != null) {
			return matcher.matchName(name);
		}
		return hasToken(JsonToken.END_OBJECT) ? PropertyNameMatcher.MATCH_END_OBJECT
				: PropertyNameMatcher.MATCH_ODD_TOKEN;
	}

	@Override
	public JsonParser skipChildren() {
		if (!hasToken(JsonToken.START_OBJECT) && !hasToken(JsonToken.START_ARRAY)) {
			return this;
		}
		int open = 1;
		while (open > 0) {
			JsonToken token = nextToken();
			if (token == null) {
				return this;
			}
			if (token.isStructStart()) {
				open++;
			}
			else if (token.isStructEnd()) {
				open--;
			}
		}
		return this;
	}

	/**
	 * The value taken out at the current token, or {@code null} if none was. A value
	 * passed over without being read is not counted as restored.
	 */
	private @Nullable String restored() {
		if (this.current == 0) {
			return null;
		}
		while (this.next < this.ordinals.length && this.ordinals[this.next] < this.current) {
			this.next++;
		}
		if (this.next == this.ordinals.length || this.ordinals[this.next] != this.current) {
			return null;
		}
		if (this.lastRestored != this.current) {
			this.lastRestored = this.current;
			this.restored++;
		}
		return this.values[this.next];
	}

	@Override
	public @Nullable String getString() {
		String value = restored();
		return (value != null) ? value : this.delegate.getString();
	}

	@Override
	public @Nullable String getValueAsString() {
		String value = restored();
		return (value != null) ? value : this.delegate.getValueAsString();
	}

	@Override
	public @Nullable String getValueAsString(@Nullable String defaultValue) {
		String value = restored();
		return (value != null) ? value : this.delegate.getValueAsString(defaultValue);
	}

	@Override
	public boolean hasStringCharacters() {
		return (this.current == 0) && this.delegate.hasStringCharacters();
	}

	@Override
	public char[] getStringCharacters() {
		String value = restored();
		return (value != null) ? value.toCharArray() : this.delegate.getStringCharacters();
	}

	@Override
	public int getStringLength() {
		String value = restored();
		return (value != null) ? value.length() : this.delegate.getStringLength();
	}

	@Override
	public int getStringOffset() {
		return (restored() != null) ? 0 : this.delegate.getStringOffset();
	}

	@Override
	public int getString(Writer writer) {
		String value = restored();
		if (value == null) {
			return this.delegate.getString(writer);
		}
		try {
			writer.write(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return value.length();
	}

}
