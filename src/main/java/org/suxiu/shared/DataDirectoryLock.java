package org.suxiu.shared;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds the embedded database's directory for this process: a second SuXiu started on the
 * same {@code SUXIU_DATA_DIR} (a what-if on the command line next to the running server,
 * say) is refused instead of stopping the first one's database. The operating system
 * drops the lock when the process dies, so a killed server does not block the next start.
 */
final class DataDirectoryLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	static DataDirectoryLock acquire(Path directory) throws IOException {
		Files.createDirectories(directory);
		Path file = directory.resolve("suxiu.lock");
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new IllegalStateException("The data directory " + directory + " is in use by another running SuXiu; "
					+ "stop it first, or give this one its own SUXIU_DATA_DIR (or point SPRING_DATASOURCE_URL at "
					+ "the database)");
		}
		return new DataDirectoryLock(channel, lock);
	}

	@Override
	public void close() throws IOException {
		lock.release();
		channel.close();
	}

}
