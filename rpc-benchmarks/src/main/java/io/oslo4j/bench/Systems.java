package io.oslo4j.bench;

import java.util.List;
import java.util.Map;

import io.oslo4j.rpc.server.RpcServerOptions;
import io.oslo4j.rpc.wire.MessageIds;
import org.jspecify.annotations.Nullable;

/**
 * The compared systems: their ids (in the order they run and are shown), labels, and how
 * to make the ones driven from this JVM.
 */
final class Systems {

	static final String BARE = "bare";

	static final String OSLO4J = "oslo4j";

	/** oslo4j in kolla-ansible 2025.1's mode (see {@link Oslo4jMode#kolla(String)}). */
	static final String OSLO4J_KOLLA = "oslo4j-kolla";

	/**
	 * oslo4j with clients on direct reply-to (see
	 * {@link Oslo4jMode#directReplyTo(String)}).
	 */
	static final String OSLO4J_DIRECT = "oslo4j-direct";

	/**
	 * oslo4j with Spring AMQP's guarantees (see
	 * {@link Oslo4jMode#springGuarantees(String)}) and servers without workers, as a
	 * {@code SimpleMessageListenerContainer} runs its listener on its consumer thread.
	 */
	static final String OSLO4J_AS_SPRING = "oslo4j-as-spring";

	static final String SPRING = "spring";

	/** Spring AMQP exchanging objects through its Jackson JSON message converter. */
	static final String SPRING_JSON = "spring-json";

	static final String PYTHON = "python";

	static final String PYTHON_TO_OSLO4J = "python-oslo4j";

	static final String OSLO4J_TO_PYTHON = "oslo4j-python";

	/** Debian 13's oslo.messaging 16.1 on both sides (from the Debian 13 root). */
	static final String PYTHON16 = "python16";

	/** Upstream oslo.messaging 18.1 on both sides (the venv in the Debian 13 root). */
	static final String PYTHON18 = "python18";

	/** An oslo.messaging 18.1 client calling oslo4j servers. */
	static final String PYTHON18_TO_OSLO4J = "python18-oslo4j";

	static final String FAKE = "oslo4j-fake";

	/** oslo4j with servers that run requests on their consumer threads (no workers). */
	static final String OSLO4J_INLINE = "oslo4j-inline";

	/**
	 * oslo4j with servers that run each request on a virtual thread (Java 21 and later).
	 */
	static final String OSLO4J_VIRTUAL = "oslo4j-virtual";

	/** The baseline of the ratios. */
	static final String BASELINE = BARE;

	static final List<String> ALL = List.of(BARE, OSLO4J, OSLO4J_INLINE, OSLO4J_VIRTUAL, OSLO4J_KOLLA, OSLO4J_DIRECT,
			OSLO4J_AS_SPRING, SPRING, SPRING_JSON, PYTHON, PYTHON_TO_OSLO4J, OSLO4J_TO_PYTHON, PYTHON16, PYTHON18,
			PYTHON18_TO_OSLO4J, FAKE);

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry(BARE, "bare amqp-client"),
			Map.entry(OSLO4J, "oslo4j → oslo4j"), Map.entry(OSLO4J_INLINE, "oslo4j, executor-threads 0"),
			Map.entry(OSLO4J_VIRTUAL, "oslo4j, virtual threads"), Map.entry(OSLO4J_KOLLA, "oslo4j, kolla 2025.1 mode"),
			Map.entry(OSLO4J_DIRECT, "oslo4j, direct reply-to"),
			Map.entry(OSLO4J_AS_SPRING, "oslo4j, Spring's guarantees"), Map.entry(SPRING, "Spring RabbitTemplate"),
			Map.entry(SPRING_JSON, "Spring RabbitTemplate, JSON converter"), Map.entry(PYTHON, "Python → Python"),
			Map.entry(PYTHON_TO_OSLO4J, "Python → oslo4j"), Map.entry(OSLO4J_TO_PYTHON, "oslo4j → Python"),
			Map.entry(PYTHON16, "Python 16.1 → Python 16.1"), Map.entry(PYTHON18, "Python 18.1 → Python 18.1"),
			Map.entry(PYTHON18_TO_OSLO4J, "Python 18.1 → oslo4j"), Map.entry(FAKE, "oslo4j fake://"));

	private Systems() {
	}

	static String label(String id) {
		return LABELS.getOrDefault(id, id);
	}

	/**
	 * Returns why a system cannot run in this JVM, or {@code null} when it can.
	 * @param id the system id
	 * @return the reason, or {@code null}
	 */
	static @Nullable String unavailable(String id) {
		return (OSLO4J_VIRTUAL.equals(id) && Runtime.version().feature() < 21)
				? "virtual threads need Java 21 or later (this is Java " + Runtime.version().feature() + ")" : null;
	}

	/** Returns whether the system needs Python with oslo.messaging. */
	static boolean needsPython(String id) {
		return id.startsWith("python") || id.endsWith("python");
	}

	/** Returns whether the Python client drives the system (it measures itself). */
	static boolean pythonClient(String id) {
		return id.startsWith("python");
	}

	/** Returns whether a system driven by the Python client calls oslo4j servers. */
	static boolean oslo4jServers(String id) {
		return pythonClient(id) && id.endsWith("-oslo4j");
	}

	/** Returns whether the system's Python runs in the Debian 13 root. */
	static boolean inDebian13Root(String id) {
		return id.startsWith(PYTHON16) || id.startsWith(PYTHON18);
	}

	/**
	 * Makes a system driven from this JVM.
	 * @param id its id
	 * @param url the broker URL
	 * @param python the Python runner (for {@link #OSLO4J_TO_PYTHON}), or {@code null}
	 * @return the system, connected, its servers started
	 */
	static CallSystem open(String id, String url, @Nullable Python python) throws Exception {
		int workers = RpcServerOptions.defaults().executorThreads();
		return switch (id) {
			case BARE -> new BareAmqpSystem(url);
			case OSLO4J -> Oslo4jSystem.withServers(id, url, workers);
			case OSLO4J_INLINE -> Oslo4jSystem.withServers(id, url, 0);
			case OSLO4J_VIRTUAL -> Oslo4jSystem.withServers(id, Oslo4jMode.standard(url),
					RpcServerOptions.defaults().withExecutor(VirtualThreads.perTask()));
			case OSLO4J_KOLLA -> Oslo4jSystem.withServers(id, Oslo4jMode.kolla(url), workers);
			case OSLO4J_DIRECT -> Oslo4jSystem.withServers(id, Oslo4jMode.directReplyTo(url), workers);
			case OSLO4J_AS_SPRING -> Oslo4jSystem.withServers(id, Oslo4jMode.springGuarantees(url), 0);
			case SPRING -> new SpringAmqpSystem(url);
			case SPRING_JSON -> new SpringJsonSystem(url);
			case FAKE -> Oslo4jSystem.withServers(id, "fake:///oslo4j-bench", workers);
			case OSLO4J_TO_PYTHON -> {
				if (python == null) {
					throw new IllegalArgumentException(id + " needs the Python runner");
				}
				String topic = "bench_oslo4j_python_" + MessageIds.next().substring(0, 8);
				yield Oslo4jSystem.toServers(id, url, topic, new PythonServers(python, url, topic));
			}
			default -> throw new IllegalArgumentException("Not a JVM-driven system: " + id);
		};
	}

}
