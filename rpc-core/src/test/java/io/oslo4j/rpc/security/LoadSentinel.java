package io.oslo4j.rpc.security;

/**
 * A class with a side effect on initialization, named by gadget payloads and remote
 * failures: it must never be initialized.
 */
public class LoadSentinel {

	static {
		Sentinels.INITIALIZED.add("LoadSentinel");
	}

	public LoadSentinel() {
		Sentinels.INITIALIZED.add("LoadSentinel()");
	}

	public void setCommand(Object command) {
		Sentinels.INITIALIZED.add("LoadSentinel.setCommand");
	}

}
