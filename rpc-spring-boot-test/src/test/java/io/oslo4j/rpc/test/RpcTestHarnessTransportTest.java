package io.oslo4j.rpc.test;

import io.oslo4j.rpc.serializer.JacksonSerializer;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.wire.WireCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The harness only works on {@code fake://} and says so.
 */
class RpcTestHarnessTransportTest {

	@Test
	void aTransportThatIsNotFakeIsRefusedWithWhatToChange() {
		Transport transport = mock(Transport.class);
		TransportUrl url = TransportUrl.parse("rabbit://guest:secret@broker:5672/");
		given(transport.url()).willReturn(url);
		assertThatIllegalStateException()
			.isThrownBy(() -> new RpcTestHarness(transport, url, WireCodec.defaultCodec(),
					JacksonSerializer.defaultSerializer()))
			.withMessageContaining("rabbit://guest:****@broker:5672/")
			.withMessageContaining("Remove rpc.transport-url")
			.withMessageNotContaining("secret");
	}

}
