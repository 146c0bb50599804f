package io.oslo4j.rpc.security;

import java.io.IOException;

/**
 * A RabbitMQ user on the shared test broker, with all permissions on the default vhost,
 * made for one test and deleted on {@link #close()}. Shared with the starter's tests
 * through the test jar.
 */
public final class BrokerUser implements AutoCloseable {

	private final String name;

	private BrokerUser(String name) {
		this.name = name;
	}

	/**
	 * Makes a user with {@code rabbitmqctl}.
	 * @param name the user name (make it unique)
	 * @param password the password
	 * @return the user, to delete
	 * @throws IOException when rabbitmqctl fails
	 * @throws InterruptedException when interrupted
	 */
	public static BrokerUser create(String name, String password) throws IOException, InterruptedException {
		RawPeer.rabbitmqctl("add_user", name, password);
		BrokerUser user = new BrokerUser(name);
		try {
			RawPeer.rabbitmqctl("set_permissions", "-p", "/", name, ".*", ".*", ".*");
		}
		catch (IOException | RuntimeException ex) {
			user.close();
			throw ex;
		}
		return user;
	}

	public String name() {
		return this.name;
	}

	@Override
	public void close() throws IOException, InterruptedException {
		RawPeer.rabbitmqctl("delete_user", this.name);
	}

}
