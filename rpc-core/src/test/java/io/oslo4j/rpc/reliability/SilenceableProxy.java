package io.oslo4j.rpc.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of a broker that can go silent (what clients send is swallowed, as
 * by a link that stopped carrying their traffic) and then cut every connection: to lose a
 * connection at a chosen moment, with a message written and not yet confirmed. New
 * connections after the cut are carried again.
 */
final class SilenceableProxy implements AutoCloseable {

	private final ServerSocket server;

	private final InetSocketAddress broker;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final AtomicLong swallowed = new AtomicLong();

	private volatile boolean silent;

	private SilenceableProxy(InetSocketAddress broker) throws IOException {
		this.broker = broker;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		MixedLoad.daemon("proxy-accept", this::acceptLoop);
	}

	/**
	 * Starts a proxy to a broker port on this host.
	 * @param port the broker's port
	 * @return the proxy, listening on a free port
	 * @throws IOException when it cannot listen
	 */
	static SilenceableProxy to(int port) throws IOException {
		return new SilenceableProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
	}

	/** Returns the port clients connect to. */
	int port() {
		return this.server.getLocalPort();
	}

	/** Swallows from now on what clients send. */
	void silence() {
		this.silent = true;
	}

	/** Returns how many bytes clients sent since {@link #silence()}. */
	long swallowedBytes() {
		return this.swallowed.get();
	}

	/** Closes every connection carried so far and carries new ones again. */
	void cut() {
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
		this.silent = false;
		this.swallowed.set(0);
	}

	@Override
	public void close() {
		closeQuietly(this.server);
		cut();
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket();
				upstream.connect(this.broker, 5000);
				this.sockets.add(client);
				this.sockets.add(upstream);
				MixedLoad.daemon("proxy-up", () -> pump(client, upstream, true));
				MixedLoad.daemon("proxy-down", () -> pump(upstream, client, false));
			}
			catch (IOException ex) {
				// closed, or the broker refused: the client sees its connection end
			}
		}
	}

	private void pump(Socket from, Socket to, boolean fromClient) {
		byte[] buffer = new byte[16384];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				if (fromClient && this.silent) {
					this.swallowed.addAndGet(read);
					continue;
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// cut
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
