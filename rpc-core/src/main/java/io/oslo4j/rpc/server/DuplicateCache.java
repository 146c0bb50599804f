package io.oslo4j.rpc.server;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The last N {@code _unique_id}s a server has seen (oslo's {@code _MsgIdCache}): a repeat
 * is a duplicate, acknowledged and dropped. Messages without an id are never duplicates.
 */
final class DuplicateCache {

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
		if (this.seen.contains(uniqueId)) {
			return true;
		}
		String evicted = this.ring[this.next];
		if (evicted != null) {
			this.seen.remove(evicted);
		}
		this.ring[this.next] = uniqueId;
		this.seen.add(uniqueId);
		this.next = (this.next + 1) % this.ring.length;
		return false;
	}

}
