package io.oslo4j.rpc.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.oslo4j.rpc.RpcContext;
import io.oslo4j.rpc.Target;
import io.oslo4j.rpc.client.ClientOptions;
import io.oslo4j.rpc.client.RpcTemplate;
import io.oslo4j.rpc.rabbit.RabbitOptions;
import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.test.TestBroker;
import io.oslo4j.rpc.transport.Transport;
import io.oslo4j.rpc.transport.TransportSettings;
import io.oslo4j.rpc.transport.TransportUrl;
import io.oslo4j.rpc.transport.Transports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A full run with a distinctive password (a RabbitMQ user made for the test on the shared
 * broker, removed afterwards) and every log captured at DEBUG, every library included:
 * connect, serve, call, cast, a remote failure, a bad option, a wrong password, close.
 * Neither password appears in a log line, an exception (message, causes, stack trace), a
 * {@code toString()}, or an observation's tags.
 */
class CredentialLeakTest {

	@Test
	@Timeout(180)
	void thePasswordAppearsNowhere() throws Exception {
		String user = "oslo4j_leak_" + Messages.newId().substring(0, 8);
		String password = "Pw" + Messages.newId() + "@:";
		String wrongPassword = "Wrong" + Messages.newId();
		String broker = TransportUrl.parse(TestBroker.url()).hosts().get(0).address();
		String url = "rabbit://" + user + ":" + encode(password) + "@" + broker + "/";
		String wrongUrl = "rabbit://" + user + ":" + wrongPassword + "@" + broker + "/";
		List<String> texts = new ArrayList<>();
		List<Observation.Context> observed = new CopyOnWriteArrayList<>();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				observed.add(context);
			}
		});
		try (BrokerUser created = BrokerUser.create(user, password);
				LogCapture logs = LogCapture.atLevel(Level.DEBUG)) {
			try (Transport transport = Transports.create(url);
					ServedTopic served = ServedTopic.serve(transport, "leak", new FuzzEndpoint(),
							RpcServerOptions.defaults().withObservations(observations))) {
				RpcTemplate client = served.client(transport,
						ClientOptions.defaults().withTimeout(Duration.ofSeconds(20)).withObservations(observations));
				assertThat(client.call(RpcContext.empty(), "add", Map.of("a", 1, "b", 2), Long.class)).isEqualTo(3L);
				client.cast(RpcContext.empty(), "echo", Map.of("value", "cast"));
				texts.add(describe(catchThrowable(() -> client.call(RpcContext.empty(), "add", Map.of("a", "x")))));
				texts.addAll(List.of(transport.toString(), transport.url().toString(), client.toString(),
						served.server().toString(), served.server().target().toString(),
						String.valueOf(transport.isConnected()),
						RabbitOptions.of(transport.url(), TransportSettings.defaults()).toString()));
			}
			texts.add(describe(catchThrowable(() -> Transports.create(url + "?no_such_option=1"))));
			texts.add(describe(catchThrowable(() -> Transports.create(url.replace(broker, "127.0.0.1:port")))));
			try (Transport wrong = Transports.create(wrongUrl + "?connection_timeout=5")) {
				RpcTemplate client = new RpcTemplate(wrong, Target.topic("leak"),
						ClientOptions.defaults().withTimeout(Duration.ofSeconds(5)));
				Throwable refused = catchThrowable(() -> client.call(RpcContext.empty(), "add", Map.of()));
				assertThat(refused).as("a wrong password is refused, and the message says so")
					.hasMessageContaining("the broker refused the login (check the user name and password");
				System.out.println("credentials: a wrong password gives: " + refused);
				texts.add(describe(refused));
				texts.add(wrong.toString());
			}
			texts.add(logs.text());
			System.out.printf("credentials: searched %d log lines and %d other texts (%d characters)%n",
					logs.events().size(), texts.size() - 1, String.join("", texts).length());
			assertThat(logs.events()).as("the run was logged at DEBUG").hasSizeGreaterThan(50);
		}
		assertThat(observed).as("observations").isNotEmpty();
		observed.forEach((context) -> texts.add(context + " " + context.getAllKeyValues()));
		String all = String.join("\n", texts);
		assertThat(all).contains(user + ":****@");
		for (String secret : List.of(password, encode(password), wrongPassword, password.substring(0, 20))) {
			assertThat(all).as("texts holding a password").doesNotContain(secret);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** An exception as anyone might print it: toString, messages, causes, stack trace. */
	private static String describe(Throwable ex) {
		StringWriter out = new StringWriter();
		ex.printStackTrace(new PrintWriter(out));
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			out.append(String.valueOf(cause)).append('\n').append(String.valueOf(cause.getLocalizedMessage()));
		}
		return out.toString();
	}

}
