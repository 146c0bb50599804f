package io.oslo4j.rpc.client;

import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.RemoteRpcException;
import io.oslo4j.rpc.wire.FailureRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RemoteExceptionMapper} without a broker: only an allow-listed module and class
 * become the typed exception; every other failure, including one of an allowed class in
 * another module or of an allowed module with another class, stays a
 * {@link RemoteRpcException} with the remote fields.
 */
class RemoteExceptionMapperTest {

	private static final FailureRecord STATE = new FailureRecord("IllegalStateException", "java.lang", "bad state",
			List.of("Traceback (most recent call last):\n", "  at x\n"), List.of("bad state", 2), Map.of("k", "v"));

	@Test
	void aFailureOffTheAllowListStaysARemoteRpcExceptionWithItsFields() {
		for (RemoteExceptionMapper mapper : List.of(RemoteExceptionMapper.none(),
				RemoteExceptionMapper.none().allow(IllegalArgumentException.class),
				RemoteExceptionMapper.none().allow("other.module", "IllegalStateException", this::typed))) {
			RuntimeException mapped = mapper.map(STATE);
			assertThat(mapped.getClass()).isEqualTo(RemoteRpcException.class);
			RemoteRpcException remote = (RemoteRpcException) mapped;
			assertThat(remote.remoteClass()).isEqualTo("IllegalStateException");
			assertThat(remote.remoteModule()).isEqualTo("java.lang");
			assertThat(remote.remoteMessage()).isEqualTo("bad state");
			assertThat(remote.remoteTraceback()).isEqualTo(STATE.traceback());
		}
	}

	@Test
	void anAllowListedTypeIsRebuiltWithTheRemoteFailureAsItsCause() {
		RuntimeException mapped = RemoteExceptionMapper.none().allow(IllegalStateException.class).map(STATE);
		assertThat(mapped).isExactlyInstanceOf(IllegalStateException.class).hasMessage("bad state");
		assertThat(mapped.getCause()).isExactlyInstanceOf(RemoteRpcException.class);
		assertThat(((RemoteRpcException) mapped.getCause()).remoteTraceback()).isEqualTo(STATE.traceback());
	}

	@Test
	void pythons2ExceptionsModuleIsBuiltins() {
		RemoteExceptionMapper mapper = RemoteExceptionMapper.none()
			.allow(FailureRecord.BUILTINS, "ValueError", this::typed);
		assertThat(mapper.map(FailureRecord.of("ValueError", "exceptions", "m"))).isInstanceOf(TypedFailure.class);
		assertThat(mapper.map(FailureRecord.of("ValueError", "builtins", "m"))).isInstanceOf(TypedFailure.class);
		assertThat(mapper.map(FailureRecord.of("ValueError", "exceptionsx", "m")))
			.isExactlyInstanceOf(RemoteRpcException.class);
		assertThat(mapper.map(new FailureRecord("ValueError", null, "m", List.of(), List.of(), Map.of())))
			.isExactlyInstanceOf(RemoteRpcException.class);
	}

	@Test
	void aFactoryThatFailsGivesTheRemoteRpcException() {
		RemoteExceptionMapper mapper = RemoteExceptionMapper.none().allow("m", "C", (failure) -> {
			throw new IllegalStateException("factory broke");
		});
		assertThat(mapper.map(FailureRecord.of("C", "m", "x"))).isExactlyInstanceOf(RemoteRpcException.class);
	}

	@Test
	void aConstructorThatThrowsGivesTheRemoteRpcException() {
		RuntimeException mapped = RemoteExceptionMapper.none()
			.allow(Refusing.class)
			.map(FailureRecord.of("Refusing", Refusing.class.getPackageName(), "x"));
		assertThat(mapped).isExactlyInstanceOf(RemoteRpcException.class);
	}

	@Test
	void aConstructorThatSetsACauseKeepsIt() {
		RuntimeException mapped = RemoteExceptionMapper.none()
			.allow(WithCause.class)
			.map(FailureRecord.of("WithCause", WithCause.class.getPackageName(), "x"));
		assertThat(mapped).isExactlyInstanceOf(WithCause.class);
		assertThat(mapped.getCause()).hasMessage("own cause");
	}

	@Test
	void aTypeWithoutAStringConstructorIsRefusedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> RemoteExceptionMapper.none().allow(NoMessage.class))
			.withMessage("Allowed remote exception " + NoMessage.class.getName()
					+ " needs a public (String message) constructor");
	}

	@Test
	void allowReturnsACopy() {
		RemoteExceptionMapper none = RemoteExceptionMapper.none();
		none.allow(IllegalStateException.class);
		assertThat(none.map(STATE)).isExactlyInstanceOf(RemoteRpcException.class);
	}

	private RuntimeException typed(FailureRecord failure) {
		return new TypedFailure(failure.message());
	}

	static final class TypedFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TypedFailure(String message) {
			super(message);
		}

	}

	public static final class Refusing extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public Refusing(String message) {
			throw new IllegalStateException("refused " + message);
		}

	}

	public static final class WithCause extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public WithCause(String message) {
			super(message, new IllegalStateException("own cause"));
		}

	}

	public static final class NoMessage extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public NoMessage() {
		}

	}

}
