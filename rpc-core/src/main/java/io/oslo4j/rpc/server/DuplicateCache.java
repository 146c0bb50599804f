package io.oslo4j.rpc.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The last N {@code _unique_id}s a server has seen (oslo's {@code _MsgIdCache}): a repeat
 * is a duplicate, acknowledged and dropped. Messages without an id are never duplicates.
 * An id longer than oslo's 32 hex digits is remembered by its SHA-256 digest, so that
 * senders of huge ids cannot make the cache hold N huge strings.
 */
final class DuplicateCache {

	private static final int MAX_KEPT_LENGTH = 64;

	private final String[] ring;

	private final Set<String> seen;

	private int next;

	DuplicateCache(int size) {
		this.ring = new String[size];
		this.seen = new HashSet<>(Math.max(16, size * 2));
	}

	/**
	 * Records an id.
	 * @param uniqueId the id, or {@code null}
	 * @return {@code true} when the id was seen before
	 */
	synchronized boolean isDuplicate(@Nullable String uniqueId) {
		if (uniqueId == null || this.ring.length == 0) {
			return false;
		}
		String key = key(uniqueId);
		if (this.seen.contains(key)) {
			return true;
		}
		String evicted = this.ring[this.next];
		if (evicted != null) {
			this.seen.remove(evicted);
		}
		this.ring[this.next] = key;
		this.seen.add(key);
		this.next = (this.next + 1) % this.ring.length;
		return false;
	}

	/**
	 * Forgets an id (a request whose ack failed, so that the copy the broker delivers
	 * again is not a duplicate). Its slot in the ring stays until it is reused.
	 * @param uniqueId the id, or {@code null}
	 */
	synchronized void forget(@Nullable String uniqueId) {
		if (uniqueId != null) {
			this.seen.remove(key(uniqueId));
		}
	}

	private static String key(String uniqueId) {
		return (uniqueId.length() > MAX_KEPT_LENGTH) ? digest(uniqueId) : uniqueId;
	}

	private static String digest(String uniqueId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(uniqueId.getBytes(StandardCharsets.UTF_8));
			// longer than any id kept as it is, so the two kinds never collide
			return "sha256:" + HexFormat.of().formatHex(hash) + ":" + uniqueId.length();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

}
