package io.oslo4j.rpc.boot.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.oslo4j.rpc.server.Endpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.ClassUtils;

/**
 * Refuses two {@code @RpcEndpoint} beans on one topic that serve the same method name in
 * the same namespace at the same version. oslo's dispatcher calls the first endpoint that
 * qualifies, and the order of beans is not something an application chooses, so one of
 * the two methods would never be called, and which one could change with an unrelated
 * bean. Endpoints at different versions (or in different namespaces) may share names: the
 * requested version picks one.
 */
final class ShadowedEndpointMethods {

	private ShadowedEndpointMethods() {
	}

	/**
	 * Checks the endpoints of one topic.
	 * @param topic the topic
	 * @param endpoints the endpoints, each with the name of its bean
	 * @throws RpcDefinitionException naming both beans, the method, namespace and version
	 * when a method is shadowed
	 */
	static void check(String topic, List<Map.Entry<String, Endpoint>> endpoints) {
		for (int i = 0; i < endpoints.size(); i++) {
			Map.Entry<String, Endpoint> first = endpoints.get(i);
			for (int j = i + 1; j < endpoints.size(); j++) {
				Map.Entry<String, Endpoint> second = endpoints.get(j);
				if (first.getKey().equals(second.getKey())
						|| !sameNamespaceAndVersion(first.getValue(), second.getValue())) {
					// one bean behind a JDK proxy is one endpoint per interface: the same
					// methods
					continue;
				}
				TreeSet<String> shared = new TreeSet<>(first.getValue().methodNames());
				shared.retainAll(second.getValue().methodNames());
				if (!shared.isEmpty()) {
					throw new RpcDefinitionException("@RpcEndpoint", typeName(second.getValue()),
							problem(topic, first, second, shared), null);
				}
			}
		}
	}

	private static boolean sameNamespaceAndVersion(Endpoint a, Endpoint b) {
		return Objects.equals(a.namespace(), b.namespace()) && a.version().equals(b.version());
	}

	private static String problem(String topic, Map.Entry<String, Endpoint> first, Map.Entry<String, Endpoint> second,
			TreeSet<String> shared) {
		Endpoint endpoint = second.getValue();
		return "beans '" + first.getKey() + "' and '" + second.getKey() + "' both serve " + quoted(shared)
				+ " on topic '" + topic + "' in " + namespace(endpoint.namespace()) + " at version "
				+ endpoint.version() + ": oslo calls the first endpoint that qualifies, so one of them would never "
				+ "be called. Give one of them another version or namespace in @RpcEndpoint, or another wire "
				+ "name with @RpcMethod(\"...\")";
	}

	private static String quoted(TreeSet<String> names) {
		return String.join(", ", names.stream().map((name) -> "'" + name + "'").toList());
	}

	private static String namespace(@Nullable String namespace) {
		return (namespace != null) ? "namespace '" + namespace + "'" : "the default namespace";
	}

	private static String typeName(Endpoint endpoint) {
		return ClassUtils.getUserClass(AopUtils.getTargetClass(endpoint.bean())).getName();
	}

}
