package io.oslo4j.rpc;

/**
 * A {@link Target} that cannot be used for what was asked of it (oslo's
 * {@code InvalidTarget}). The message is oslo's: {@code "<reason>:<Target ...>"}.
 */
public class InvalidTargetException extends RpcException {

	private static final long serialVersionUID = 1L;

	private final transient Target target;

	public InvalidTargetException(String reason, Target target) {
		super(reason + ":" + target);
		this.target = target;
	}

	/**
	 * Returns the target that was refused.
	 * @return the target
	 */
	public Target target() {
		return this.target;
	}

}
