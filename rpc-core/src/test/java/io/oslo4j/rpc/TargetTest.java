package io.oslo4j.rpc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link Target} against oslo's {@code Target} and the {@code InvalidTarget} messages
 * (wire spec §2).
 */
class TargetTest {

	@Test
	void reprListsSetFieldsInOslosOrder() {
		Target target = new Target("nova", "compute", "host1", true, "ns", "1.2");
		assertThat(target)
			.hasToString("<Target exchange=nova, topic=compute, namespace=ns, version=1.2, server=host1, fanout=True>");
		assertThat(Target.topic("t")).hasToString("<Target topic=t>");
		assertThat(Target.server("t", "s")).hasToString("<Target topic=t, server=s>");
		assertThat(Target.empty()).hasToString("<Target >");
	}

	@Test
	void emptyStringsAreUnsetAsInPython() {
		Target target = new Target("", "", "", false, "", "");
		assertThat(target).isEqualTo(Target.empty());
		assertThat(target.exchange()).isNull();
		assertThat(target.rpcVersion()).isNull();
	}

	@Test
	void withMethodsReturnChangedCopies() {
		Target base = Target.topic("t");
		Target copy = base.withExchange("x")
			.withServer("s")
			.withFanout(true)
			.withNamespace("ns")
			.withVersion("2.1")
			.withTopic("u");
		assertThat(base).isEqualTo(new Target(null, "t", null, false, null, null));
		assertThat(copy).isEqualTo(new Target("x", "u", "s", true, "ns", "2.1"));
		assertThat(copy.withServer(null).server()).isNull();
		assertThat(copy.withFanout(false).fanout()).isFalse();
		assertThat(copy.rpcVersion()).isEqualTo(new RpcVersion(2, 1, -1));
	}

	@Test
	void sendNeedsATopic() {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> Target.empty().withServer("s").withExchange("x").validateForSend())
			.withMessage("A topic is required to send:<Target exchange=x, server=s>")
			.satisfies((ex) -> assertThat(ex.target()).isEqualTo(Target.empty().withServer("s").withExchange("x")));
		assertThat(Target.topic("t").validateForSend()).isEqualTo(Target.topic("t"));
	}

	@Test
	void callCannotBeFanout() {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> Target.topic("t").withFanout(true).validateForCall())
			.withMessage("A call cannot be used with fanout:<Target topic=t, fanout=True>");
	}

	@Test
	void fanoutIsReportedBeforeTheMissingTopicAsOsloChecksItFirst() {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> Target.empty().withFanout(true).validateForCall())
			.withMessage("A call cannot be used with fanout:<Target fanout=True>");
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> Target.empty().validateForCall())
			.withMessage("A topic is required to send:<Target >");
	}

	@Test
	void serverNeedsTopicAndServer() {
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> Target.topic("t").validateForListen())
			.withMessage("A server's target must have topic and server names specified:<Target topic=t>");
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> Target.empty().withServer("s").validateForListen())
			.withMessage("A server's target must have topic and server names specified:<Target server=s>");
		assertThat(Target.server("t", "s").validateForListen()).isEqualTo(Target.server("t", "s"));
	}

	@Test
	void invalidTargetIsAnRpcException() {
		assertThat(new InvalidTargetException("x", Target.empty())).isInstanceOf(RpcException.class);
	}

	@Test
	void badVersionIsRejectedWithOslosMessage() {
		for (String bad : new String[] { "1", "a.b", "1.x", "1.2.3.4", "1..2", "-1.0", "1.0." }) {
			assertThatIllegalArgumentException().as(bad)
				.isThrownBy(() -> Target.topic("t").withVersion(bad))
				.withMessage("Version must contain a major and minor integer. Got " + bad);
		}
		assertThat(Target.topic("t").withVersion("1.2.3").version()).isEqualTo("1.2.3");
	}

}
