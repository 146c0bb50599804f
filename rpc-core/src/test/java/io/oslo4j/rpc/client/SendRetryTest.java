package io.oslo4j.rpc.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.oslo4j.rpc.RpcConnectionLostException;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.RpcDeliveryException;
import io.oslo4j.rpc.RpcTimeoutException;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.annotation.RpcEndpoint;
import io.oslo4j.rpc.server.RpcServer;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.Transports;
import io.oslo4j.rpc.wire.MessageIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * oslo's {@code retry} for a client's sends, on {@code fake://} behind a transport that
 * loses its next sends: a cast or call whose connection was lost is published again as
 * many times as the retry allows, a call never past its timeout, and nothing else is
 * published again.
 */
@Timeout(30)
class SendRetryTest {

	private final String url = "fake:///" + MessageIds.next();

	private final Counting endpoint = new Counting();

	private Transport serverTransport;

	private LosingTransport clientTransport;

	private RpcServer server;

	@BeforeEach
	void start() {
		this.serverTransport = Transports.create(this.url);
		this.clientTransport = new LosingTransport(Transports.create(this.url));
		this.server = RpcServer.create(this.serverTransport, Target.server("retry", "s1"), this.endpoint).start();
		await().atMost(Duration.ofSeconds(5)).until(this.server::isRunning);
	}

	@AfterEach
	void stop() {
		this.server.close();
		this.clientTransport.close();
		this.serverTransport.close();
	}

	@Test
	void withoutRetryALostConnectionFailsTheCastAtOnce() {
		this.clientTransport.toLose.set(1);
		assertThatExceptionOfType(RpcConnectionLostException.class)
			.isThrownBy(() -> client(ClientOptions.defaults()).cast(RpcContext.empty(), "record", Map.of()));
		assertThat(this.clientTransport.sends).hasValue(1);
		assertThat(this.endpoint.records).hasValue(0);
	}

	@Test
	void aCastIsPublishedAgainAsManyTimesAsTheRetryAllows() {
		this.clientTransport.toLose.set(2);
		client(ClientOptions.defaults().withRetry(2)).cast(RpcContext.empty(), "record", Map.of());
		assertThat(this.clientTransport.sends).hasValue(3);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.endpoint.records.get() == 1);

		this.clientTransport.sends.set(0);
		this.clientTransport.toLose.set(3);
		assertThatExceptionOfType(RpcConnectionLostException.class).isThrownBy(
				() -> client(ClientOptions.defaults().withRetry(2)).cast(RpcContext.empty(), "record", Map.of()));
		assertThat(this.clientTransport.sends).hasValue(3);
	}

	@Test
	void minusOneRetriesUntilTheMessageGoesThrough() {
		this.clientTransport.toLose.set(3);
		RpcTemplate client = client(ClientOptions.defaults()).prepare((prepare) -> prepare.retry(-1));
		assertThat(client.options().retry()).isEqualTo(-1);
		client.cast(RpcContext.empty(), "record", Map.of());
		assertThat(this.clientTransport.sends).hasValue(4);
	}

	@Test
	void aCallIsSentAgainAndAnswered() throws Exception {
		this.clientTransport.toLose.set(2);
		RpcTemplate client = client(ClientOptions.defaults().withRetry(3));
		assertThat(client.call(RpcContext.empty(), "add", Map.of("a", 2, "b", 3), Integer.class)).isEqualTo(5);
		assertThat(this.clientTransport.sends).hasValue(3);
		assertThat(this.endpoint.adds).hasValue(1);

		this.clientTransport.sends.set(0);
		this.clientTransport.toLose.set(1);
		CompletableFuture<Integer> async = client.callAsync(RpcContext.empty(), "add", Map.of("a", 1, "b", 1),
				Integer.class);
		assertThat(async.get(10, TimeUnit.SECONDS)).isEqualTo(2);
		assertThat(this.clientTransport.sends).hasValue(2);
	}

	@Test
	void aCallIsNotSentAgainAfterItsTimeout() {
		this.clientTransport.toLose.set(Integer.MAX_VALUE);
		RpcTemplate client = client(ClientOptions.defaults().withRetry(-1).withTimeout(Duration.ofSeconds(1)));
		long start = System.nanoTime();
		assertThatThrownBy(() -> client.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 1)))
			.isInstanceOfAny(RpcTimeoutException.class, RpcConnectionLostException.class);
		assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(3));
		int sends = this.clientTransport.sends.get();
		// 0.25 s, then 0.5 s: at most three sends fit in one second
		assertThat(sends).isBetween(2, 3);
		await().during(Duration.ofMillis(2500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> this.clientTransport.sends.get() == sends);
		assertThat(this.endpoint.adds).hasValue(0);
	}

	@Test
	void otherDeliveryFailuresAreNotRetried() {
		this.clientTransport.toLose.set(1);
		this.clientTransport.refuseInstead = true;
		RpcTemplate client = client(ClientOptions.defaults().withRetry(-1));
		assertThatThrownBy(() -> client.cast(RpcContext.empty(), "record", Map.of()))
			.isExactlyInstanceOf(RpcDeliveryException.class);
		this.clientTransport.toLose.set(1);
		assertThatThrownBy(() -> client.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 1)))
			.isExactlyInstanceOf(RpcDeliveryException.class);
		assertThat(this.clientTransport.sends).hasValue(2);
	}

	@Test
	void aRetryBelowMinusOneIsRefusedNamingTheValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.defaults().withRetry(-2))
			.withMessage("retry must be -1 (until the message goes through), 0 (never) or a count of times, was -2");
		assertThat(ClientOptions.defaults().retry()).isZero();
	}

	@Test
	void theDelaysDoubleFromAQuarterSecondUpToTwoSeconds() {
		assertThat(SendRetry.delayNanos(0)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
		assertThat(SendRetry.delayNanos(1)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
		assertThat(SendRetry.delayNanos(2)).isEqualTo(TimeUnit.SECONDS.toNanos(1));
		assertThat(SendRetry.delayNanos(3)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
		assertThat(SendRetry.delayNanos(40)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
		assertThat(SendRetry.allows(0, 0)).isFalse();
		assertThat(SendRetry.allows(2, 1)).isTrue();
		assertThat(SendRetry.allows(2, 2)).isFalse();
		assertThat(SendRetry.allows(-1, 1_000_000)).isTrue();
	}

	private RpcTemplate client(ClientOptions options) {
		return new RpcTemplate(this.clientTransport, Target.topic("retry"), options);
	}

	/** Counts what it runs. */
	@RpcEndpoint
	public static class Counting {

		final AtomicInteger records = new AtomicInteger();

		final AtomicInteger adds = new AtomicInteger();

		public void record() {
			this.records.incrementAndGet();
		}

		public int add(int a, int b) {
			this.adds.incrementAndGet();
			return a + b;
		}

	}

}
