package org.suxiu.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 of a data directory ({@code <dataDir>/postgres}), started as
 * the server starts it, for the server and for the commands that work on the directory
 * while no server runs on it ({@code backup}, {@code restore}): it holds the directory's
 * lock while open.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final DataDirectoryLock lock;

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(DataDirectoryLock lock, EmbeddedPostgres postgres) {
		this.lock = lock;
		this.postgres = postgres;
	}

	/**
	 * Locks {@code dataDirectory} (refused while another SuXiu runs on it) and starts its
	 * database, creating it when the directory is new.
	 */
	public static EmbeddedDatabase open(Path dataDirectory) throws IOException {
		DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory.toAbsolutePath());
		try {
			return new EmbeddedDatabase(lock, start(dataDirectory));
		}
		catch (IOException | RuntimeException ex) {
			lock.close();
			throw ex;
		}
	}

	/** Whether the directory holds no database yet. */
	public static boolean isNew(Path dataDirectory) {
		return !Files.exists(dataDirectory.resolve("postgres").resolve("PG_VERSION"));
	}

	public DataSource dataSource() {
		return postgres.getPostgresDatabase();
	}

	@Override
	public void close() throws IOException {
		try {
			postgres.close();
		}
		finally {
			lock.close();
		}
	}

	static EmbeddedPostgres start(Path dataDirectory) throws IOException {
		Path directory = dataDirectory.resolve("postgres").toAbsolutePath();
		Files.createDirectories(directory.getParent());
		stopOrphanedServer(directory);
		long started = System.nanoTime();
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		// e.g.
		// -Dsuxiu.embedded.postgres-config=shared_preload_libraries=pg_stat_statements
		// for a benchmark that wants PostgreSQL's own statistics; durability is not up to
		// it
		for (String setting : System.getProperty("suxiu.embedded.postgres-config", "").split(";")) {
			int eq = setting.indexOf('=');
			if (eq > 0) {
				builder.setServerConfig(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
			}
		}
		EmbeddedPostgres postgres = builder.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			// Spring stops it after everything that uses it; zonky's own hook would race
			// the context and leave shutdown waiting on a dead pool
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			// zonky starts PostgreSQL for tests (-F, synchronous_commit=off); an
			// acknowledged order must survive a crash, so the embedded run is durable
			// like a real server
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("max_connections", "200")
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("timezone", "UTC")
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C")
			.start();
		log.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", postgres.getPort(), directory,
				(System.nanoTime() - started) / 1_000_000);
		return postgres;
	}

	/**
	 * A server left running by a process that was killed outright holds the data
	 * directory; it is ours, so stop it before starting a new one.
	 */
	private static void stopOrphanedServer(Path directory) {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			long pid = Long.parseLong(lines.get(0).trim());
			ProcessHandle.of(pid)
				.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
				.ifPresent(p -> {
					log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left on {}", pid, directory);
					p.destroy();
					p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
				});
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not check {} for an orphaned server: {}", pidFile, ex.toString());
		}
	}

}
