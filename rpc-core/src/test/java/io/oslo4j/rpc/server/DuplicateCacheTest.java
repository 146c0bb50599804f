package io.oslo4j.rpc.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DuplicateCache} is oslo's {@code _MsgIdCache}: the last N unique ids, oldest
 * evicted first; messages without an id are never duplicates.
 */
class DuplicateCacheTest {

	@Test
	void repeatWithinCapacityIsADuplicate() {
		DuplicateCache cache = new DuplicateCache(16);
		assertThat(cache.isDuplicate("a")).isFalse();
		assertThat(cache.isDuplicate("b")).isFalse();
		assertThat(cache.isDuplicate("a")).isTrue();
		assertThat(cache.isDuplicate("a")).isTrue();
	}

	@Test
	void oldestIdIsEvictedAtCapacity() {
		DuplicateCache cache = new DuplicateCache(3);
		assertThat(cache.isDuplicate("1")).isFalse();
		assertThat(cache.isDuplicate("2")).isFalse();
		assertThat(cache.isDuplicate("3")).isFalse();
		assertThat(cache.isDuplicate("4")).isFalse(); // evicts 1
		assertThat(cache.isDuplicate("2")).isTrue();
		assertThat(cache.isDuplicate("1")).isFalse(); // forgotten; re-added, evicts 2
		assertThat(cache.isDuplicate("2")).isFalse();
		assertThat(cache.isDuplicate("4")).isTrue();
	}

	@Test
	void osloSizeOf16() {
		DuplicateCache cache = new DuplicateCache(16);
		for (int i = 0; i < 16; i++) {
			assertThat(cache.isDuplicate("id" + i)).isFalse();
		}
		assertThat(cache.isDuplicate("id0")).isTrue();
		assertThat(cache.isDuplicate("id16")).isFalse(); // evicts id0
		assertThat(cache.isDuplicate("id0")).isFalse();
	}

	@Test
	void nullIdsAreNeverDuplicates() {
		DuplicateCache cache = new DuplicateCache(4);
		assertThat(cache.isDuplicate(null)).isFalse();
		assertThat(cache.isDuplicate(null)).isFalse();
		assertThat(cache.isDuplicate("x")).isFalse();
		assertThat(cache.isDuplicate("x")).isTrue();
	}

	@Test
	void zeroCapacityNeverReportsDuplicates() {
		DuplicateCache cache = new DuplicateCache(0);
		assertThat(cache.isDuplicate("x")).isFalse();
		assertThat(cache.isDuplicate("x")).isFalse();
	}

	@Test
	void idsLongerThan64CharactersAreKeptByDigestAndStillDistinct() {
		DuplicateCache cache = new DuplicateCache(4);
		String longA = "a".repeat(64) + "1";
		String longB = "a".repeat(64) + "2";
		String longer = "a".repeat(64) + "12";
		assertThat(cache.isDuplicate(longA)).isFalse();
		assertThat(cache.isDuplicate(longB)).isFalse();
		assertThat(cache.isDuplicate(longer)).isFalse();
		assertThat(cache.isDuplicate(longA)).isTrue();
		assertThat(cache.isDuplicate(longB)).isTrue();
		assertThat(cache.isDuplicate("a".repeat(64))).isFalse();
		assertThat(cache.isDuplicate("a".repeat(64))).isTrue();
	}

	@Test
	void forgottenIdsShortAndLongAreNotDuplicates() {
		DuplicateCache cache = new DuplicateCache(4);
		String longId = "b".repeat(100);
		assertThat(cache.isDuplicate(longId)).isFalse();
		assertThat(cache.isDuplicate("short")).isFalse();
		cache.forget(longId);
		cache.forget("short");
		cache.forget(null);
		assertThat(cache.isDuplicate(longId)).isFalse();
		assertThat(cache.isDuplicate("short")).isFalse();
		assertThat(cache.isDuplicate(longId)).isTrue();
	}

}
