package org.suxiu.operations;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;
import org.suxiu.operations.backup.Backup;
import org.suxiu.operations.backup.Manifest;
import org.suxiu.operations.backup.Restore;
import org.suxiu.shared.EmbeddedDatabase;

/**
 * {@code java -jar suxiu.jar backup --to FILE} and {@code restore --from FILE}: the
 * embedded database of {@code $SUXIU_DATA_DIR} (or {@code --data-dir}) with its
 * attachment files, while no server runs on that directory; with
 * {@code SPRING_DATASOURCE_URL} set, that database instead (the attachment files still
 * from the data directory).
 */
public final class BackupCli {

	private BackupCli() {
	}

	/** Whether the command line asks for a backup or a restore rather than the server. */
	public static boolean wants(String[] args) {
		return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
	}

	/** Runs the command; the exit status is 0 when it succeeded. */
	public static int run(String[] args, Map<String, String> environment, PrintStream out) {
		quietLogs();
		boolean backup = args[0].equals("backup");
		String file = option(args, backup ? "--to" : "--from");
		if (file == null) {
			out.println("usage: java -jar suxiu.jar backup --to FILE | restore --from FILE [--data-dir DIR]");
			return 2;
		}
		Path dataDir = Path.of(firstOf(option(args, "--data-dir"), environment.get("SUXIU_DATA_DIR"), "./data"));
		Path files = dataDir.resolve("files");
		String url = environment.get("SPRING_DATASOURCE_URL");
		try {
			if (url != null && !url.isBlank()) {
				PGSimpleDataSource external = new PGSimpleDataSource();
				external.setUrl(url);
				external.setUser(environment.get("SPRING_DATASOURCE_USERNAME"));
				external.setPassword(environment.get("SPRING_DATASOURCE_PASSWORD"));
				out.println(describe(backup, execute(backup, external, files, Path.of(file)), file));
				return 0;
			}
			if (!backup && !EmbeddedDatabase.isNew(dataDir)) {
				out.println("restore needs a new data directory; " + dataDir.toAbsolutePath()
						+ " already has a database (move it aside, or pass --data-dir)");
				return 1;
			}
			try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir)) {
				out.println(describe(backup, execute(backup, database.dataSource(), files, Path.of(file)), file));
			}
			return 0;
		}
		catch (Exception ex) {
			out.println((backup ? "backup" : "restore") + " failed: " + ex.getMessage());
			return 1;
		}
	}

	private static Manifest execute(boolean backup, DataSource dataSource, Path files, Path file) throws Exception {
		return backup ? new Backup(dataSource, files, Clock.systemUTC()).writeTo(file)
				: new Restore(dataSource, files).from(file);
	}

	private static String describe(boolean backup, Manifest manifest, String file) {
		long rows = manifest.tables().stream().mapToLong(Manifest.Table::rows).sum();
		return "%s %s: schema version %s, %d tables, %d rows, %d files (snapshot of %s)".formatted(
				backup ? "Backed up to" : "Restored from", file, manifest.schemaVersion(), manifest.tables().size(),
				rows, manifest.files(), manifest.takenAt());
	}

	private static String option(String[] args, String name) {
		int at = Arrays.asList(args).indexOf(name);
		return at >= 0 && at + 1 < args.length ? args[at + 1] : null;
	}

	private static String firstOf(String... values) {
		return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).findFirst().orElseThrow();
	}

	/**
	 * No Spring here to configure logging: the database's and Flyway's chatter stays out.
	 */
	private static void quietLogs() {
		if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(Level.WARN);
		}
	}

}
