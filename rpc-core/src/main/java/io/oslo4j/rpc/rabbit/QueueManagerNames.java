package io.oslo4j.rpc.rabbit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Queue-manager names ({@code use_queue_manager}):
 * {@code reply_<hostname>:<processname>:<n>} and
 * {@code <topic>_fanout_<hostname>:<processname>:<n>}, as oslo.messaging 14.7+ names
 * them, with a number {@code n} that is never held by two live processes.
 * <p>
 * oslo counts in a shared-memory file keyed by process group and start time; two
 * processes with the same host and program name can get the same number and then share a
 * reply or fanout queue, stealing each other's messages. Here each number is a lock file,
 * {@code <hostname>_<processname>_<n>.lock} in {@code /dev/shm/oslo4j-qmanager} (or the
 * temporary directory), locked by the process that uses it for as long as it lives (or
 * until its transport closes): a name takes the lowest number that no live process, this
 * one included, holds. The operating system releases the locks when a process ends,
 * however it ends, so a service that restarts and declares its queues in the same order
 * gets the same names again (and the messages its fanout queues kept meanwhile), while a
 * second copy running beside it gets names of its own.
 */
final class QueueManagerNames implements AutoCloseable {

	private static final Map<Path, FileChannel> HELD = new ConcurrentHashMap<>();

	private final String hostname;

	private final String processname;

	private final Path directory;

	private final java.util.List<Path> claimed = new java.util.concurrent.CopyOnWriteArrayList<>();

	/**
	 * Makes names in the default lock directory.
	 * @param hostname oslo's {@code hostname}
	 * @param processname oslo's {@code processname}
	 */
	QueueManagerNames(String hostname, String processname) {
		this(hostname, processname, defaultDirectory());
	}

	QueueManagerNames(String hostname, String processname, Path directory) {
		this.hostname = hostname;
		this.processname = processname;
		this.directory = directory;
	}

	/**
	 * Returns the name of a new reply queue, {@code reply_<host>:<process>:<n>}.
	 * @return the queue name
	 */
	String replyQueue() {
		return "reply_" + this.hostname + ":" + this.processname + ":" + claim();
	}

	/**
	 * Returns the name of a new fanout queue,
	 * {@code <topic>_fanout_<host>:<process>:<n>}.
	 * @param topic the topic
	 * @return the queue name
	 */
	String fanoutQueue(String topic) {
		return topic + "_fanout_" + this.hostname + ":" + this.processname + ":" + claim();
	}

	/**
	 * Locks the lowest free number and returns it; the lock is kept until the JVM ends.
	 */
	private int claim() {
		String prefix = safe(this.hostname) + "_" + safe(this.processname) + "_";
		synchronized (HELD) {
			for (int n = 1;; n++) {
				Path file = this.directory.resolve(prefix + n + ".lock");
				if (!HELD.containsKey(file) && tryLock(file)) {
					this.claimed.add(file);
					return n;
				}
			}
		}
	}

	/**
	 * Releases the numbers of this transport's names (it is closed): a transport made
	 * later in this JVM may use them again, as a restarted process would.
	 */
	@Override
	public void close() {
		synchronized (HELD) {
			for (Path file : this.claimed) {
				close(HELD.remove(file));
			}
			this.claimed.clear();
		}
	}

	private static boolean tryLock(Path file) {
		@Nullable FileChannel channel = null;
		try {
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				channel.close();
				return false;
			}
			HELD.put(file, channel);
			return true;
		}
		catch (OverlappingFileLockException ex) {
			close(channel);
			return false;
		}
		catch (IOException ex) {
			close(channel);
			throw new UncheckedIOException(
					"cannot lock " + file + " for a queue-manager name (use_queue_manager); "
							+ "make the directory writable or set the system property oslo4j.queue-manager.directory",
					ex);
		}
	}

	private static void close(@Nullable FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// nothing held
			}
		}
	}

	private static String safe(String part) {
		return part.replaceAll("[^A-Za-z0-9._-]", "_");
	}

	private static Path defaultDirectory() {
		String configured = System.getProperty("oslo4j.queue-manager.directory");
		Path base = (configured != null) ? Path.of(configured)
				: Files.isDirectory(Path.of("/dev/shm")) && Files.isWritable(Path.of("/dev/shm"))
						? Path.of("/dev/shm", "oslo4j-qmanager")
						: Path.of(System.getProperty("java.io.tmpdir"), "oslo4j-qmanager");
		try {
			if (!Files.isDirectory(base)) {
				Files.createDirectories(base);
				try {
					Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
				}
				catch (UnsupportedOperationException ex) {
					// not a POSIX file system: the default permissions do
				}
			}
			return base;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create " + base + " for queue-manager names (use_queue_manager); "
					+ "set the system property oslo4j.queue-manager.directory to a writable directory", ex);
		}
	}

}
