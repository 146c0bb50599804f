package io.oslo4j.bench;

import java.util.Map;

import io.oslo4j.rpc.wire.ReplyMessage;
import io.oslo4j.rpc.wire.RequestMessage;
import io.oslo4j.rpc.wire.WireCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bare and byte-echoing systems' envelopes are oslo's: a call decodes as oslo4j
 * decodes it, and its echo reply carries the call's data and id, for either payload.
 */
class EnvelopeTemplateTest {

	private final EnvelopeTemplate template = new EnvelopeTemplate("echo");

	@Test
	void aCallAndItsEchoReplyAreOslosMessages() {
		for (Payload payload : Payload.values()) {
			byte[] call = this.template.call(EnvelopeTemplate.data(payload), "id-1", "reply_q1");
			RequestMessage request = WireCodec.defaultCodec().decodeRequest(call);
			assertThat(request.method()).isEqualTo("echo");
			assertThat(request.args()).isEqualTo(payload.args());
			assertThat(EnvelopeTemplate.msgId(call)).isEqualTo("id-1");
			assertThat(EnvelopeTemplate.replyQueue(call)).isEqualTo("reply_q1");
			byte[] reply = this.template.echoReply(call);
			assertThat(reply).isNotNull();
			ReplyMessage decoded = WireCodec.defaultCodec().decodeReply(reply);
			assertThat(decoded.result()).isEqualTo(payload.args().get("data"));
			assertThat(decoded.msgId()).isEqualTo("id-1");
			assertThat(EnvelopeTemplate.msgId(reply)).isEqualTo("id-1");
		}
	}

	@Test
	void aCastHasNoReply() {
		byte[] cast = new EnvelopeTemplate("note").cast(EnvelopeTemplate.data(Payload.SMALL));
		assertThat(this.template.echoReply(cast)).isNull();
		assertThat(WireCodec.defaultCodec().decodeRequest(cast).args())
			.isEqualTo(Map.of("data", Payload.SMALL.args().get("data")));
	}

}
