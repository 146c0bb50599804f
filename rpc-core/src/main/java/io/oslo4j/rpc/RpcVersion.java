package io.oslo4j.rpc;

import org.jspecify.annotations.Nullable;

/**
 * An oslo RPC version, {@code "X.Y"} or {@code "X.Y.Z"}, with oslo's compatibility rule
 * ({@code version_is_compatible}): same major, requested minor at most the implemented
 * minor, and when the minors are equal the requested revision at most the implemented
 * one.
 *
 * @param major the major number
 * @param minor the minor number
 * @param revision the revision, or {@code -1} when the version has only two parts
 */
public record RpcVersion(int major, int minor, int revision) {

	/** The version assumed when none is given: {@code 1.0}. */
	public static final RpcVersion DEFAULT = new RpcVersion(1, 0, -1);

	/**
	 * Parses {@code "X.Y"} or {@code "X.Y.Z"}.
	 * @param version the version text
	 * @return the version
	 * @throws IllegalArgumentException naming the text when it is not a version
	 */
	public static RpcVersion parse(String version) {
		String[] parts = version.split("\\.", -1);
		if (parts.length < 2 || parts.length > 3) {
			throw new IllegalArgumentException("Version must contain a major and minor integer. Got " + version);
		}
		try {
			int major = Integer.parseInt(parts[0].strip());
			int minor = Integer.parseInt(parts[1].strip());
			int revision = (parts.length == 3) ? Integer.parseInt(parts[2].strip()) : -1;
			if (major < 0 || minor < 0 || (parts.length == 3 && revision < 0)) {
				throw new NumberFormatException("negative");
			}
			return new RpcVersion(major, minor, revision);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Version must contain a major and minor integer. Got " + version, ex);
		}
	}

	/**
	 * Returns whether an endpoint implementing {@code implemented} can serve a request
	 * for {@code requested} (oslo's {@code version_is_compatible(imp, req)}). A
	 * {@code null} implemented version accepts anything; a {@code null} requested version
	 * is refused.
	 * @param implemented the implemented version, or {@code null}
	 * @param requested the requested version, or {@code null}
	 * @return whether they are compatible
	 */
	public static boolean isCompatible(@Nullable RpcVersion implemented, @Nullable RpcVersion requested) {
		if (implemented == null) {
			return true;
		}
		if (requested == null) {
			return false;
		}
		return implemented.accepts(requested);
	}

	/**
	 * Returns whether this implemented version accepts the {@code requested} one.
	 * @param requested the requested version
	 * @return whether it is compatible
	 */
	public boolean accepts(RpcVersion requested) {
		if (this.major != requested.major) {
			return false;
		}
		if (requested.minor != this.minor) {
			return requested.minor < this.minor;
		}
		return Math.max(requested.revision, 0) <= Math.max(this.revision, 0);
	}

	@Override
	public String toString() {
		return (this.revision < 0) ? this.major + "." + this.minor
				: this.major + "." + this.minor + "." + this.revision;
	}

}
