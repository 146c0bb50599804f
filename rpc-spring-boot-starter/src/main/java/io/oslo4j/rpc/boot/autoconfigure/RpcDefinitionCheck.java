package io.oslo4j.rpc.boot.autoconfigure;

import io.oslo4j.rpc.RpcVersion;

/**
 * Checks annotation attributes that oslo4j would otherwise refuse with a bare
 * {@link IllegalArgumentException}.
 */
final class RpcDefinitionCheck {

	private RpcDefinitionCheck() {
	}

	static void version(String annotation, String typeName, String version) {
		if (version.isEmpty()) {
			return;
		}
		try {
			RpcVersion.parse(version);
		}
		catch (IllegalArgumentException ex) {
			throw new RpcDefinitionException(annotation, typeName,
					"version '" + version + "' is not a version \"X.Y\" (e.g. version = \"1.2\")", ex);
		}
	}

}
