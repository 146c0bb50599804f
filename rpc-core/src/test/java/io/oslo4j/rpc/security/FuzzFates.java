package io.oslo4j.rpc.security;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.oslo4j.rpc.security.BadMessage.Expect;
import org.jspecify.annotations.Nullable;

/**
 * What became of the messages a fuzz sent (indexed by their {@code fuzz-id}) compared
 * with what oslo's rules give each: rejected ones seen on the peer's dead-letter queue
 * (except those into a stream, which keeps them), answered ones with the right result or
 * failure class, and no reply that was not expected.
 */
final class FuzzFates {

	private final List<BadMessage> sent;

	private final BitSet intoStream;

	FuzzFates(List<BadMessage> sent, BitSet intoStream) {
		this.sent = sent;
		this.intoStream = intoStream;
	}

	/** Returns how many messages went into a stream. */
	long intoStream() {
		return this.intoStream.cardinality();
	}

	/** Returns how many of the messages into a stream the server rejects. */
	long rejectedIntoStream() {
		return this.intoStream.stream().filter((id) -> this.sent.get(id).expect() == Expect.REJECTED).count();
	}

	/** Returns how many messages the server's rejections dead-letter. */
	long deadLetteredExpected() {
		int count = 0;
		for (int id = 0; id < this.sent.size(); id++) {
			if (deadLettersWhenRejected(id) && this.sent.get(id).expect() == Expect.REJECTED) {
				count++;
			}
		}
		return count;
	}

	/** Whether every expected reply and every expected dead-lettered message arrived. */
	boolean settled(RawPeer peer) {
		if (peer.deadLettered().size() < deadLetteredExpected()) {
			return false;
		}
		for (BadMessage message : this.sent) {
			if (message.msgId() != null && finalReply(peer, message.msgId()) == null) {
				return false;
			}
		}
		return true;
	}

	/** Returns the first 30 differences from what was expected. */
	List<String> mismatches(RawPeer peer) {
		List<String> mismatches = new ArrayList<>();
		Set<Integer> rejected = peer.deadLettered();
		Set<String> expectedReplies = this.sent.stream()
			.map(BadMessage::msgId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		for (int id = 0; id < this.sent.size(); id++) {
			BadMessage message = this.sent.get(id);
			String problem = problem(message, deadLettersWhenRejected(id), rejected.contains(id), peer);
			if (problem != null) {
				mismatches.add("#" + id + " " + message + ": " + problem);
			}
		}
		for (String msgId : peer.replies().keySet()) {
			if (!expectedReplies.contains(msgId)) {
				mismatches.add("unexpected reply " + peer.replies().get(msgId));
			}
		}
		rejected.stream()
			.filter((id) -> id < 0 || id >= this.sent.size())
			.forEach((id) -> mismatches.add("unknown rejected " + id));
		return mismatches.subList(0, Math.min(30, mismatches.size()));
	}

	private boolean deadLettersWhenRejected(int id) {
		return !this.intoStream.get(id);
	}

	private static @Nullable String problem(BadMessage message, boolean deadLetters, boolean deadLettered,
			RawPeer peer) {
		if (deadLettered && !deadLetters) {
			return "dead-lettered from a stream";
		}
		if (deadLetters && (message.expect() == Expect.REJECTED) != deadLettered) {
			return deadLettered ? "rejected" : "not rejected";
		}
		if (message.msgId() == null) {
			return null;
		}
		Map<String, @Nullable Object> reply = finalReply(peer, message.msgId());
		if (reply == null) {
			return "no reply";
		}
		String failure = Replies.failureClass(reply);
		String actual = (failure != null) ? "failure " + failure : "result " + Replies.result(reply);
		String expected = (message.expect() == Expect.FAILURE) ? "failure " + message.expected()
				: "result " + message.expected();
		return actual.equals(expected) ? null : "expected " + expected + ", got " + abbreviate(actual);
	}

	private static @Nullable Map<String, @Nullable Object> finalReply(RawPeer peer, String msgId) {
		List<Map<String, @Nullable Object>> replies = peer.replies().get(msgId);
		if (replies == null) {
			return null;
		}
		return replies.stream().filter((reply) -> Boolean.TRUE.equals(reply.get("ending"))).findFirst().orElse(null);
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

}
