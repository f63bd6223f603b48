package org.suxiu.operations.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a backup into an empty database: Flyway builds the schema at the backup's
 * version, the rows arrive table by table in foreign-key order (every key checked) in one
 * transaction, the sequences continue where they stood, and the attachment files return
 * to their directory. The next start migrates on from there as after any upgrade.
 */
public final class Restore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;

	private final Path files;

	public Restore(DataSource dataSource, Path files) {
		this.dataSource = dataSource;
		this.files = files;
	}

	/** What a backup file holds, read without restoring it. */
	public Manifest manifestOf(Path source) throws IOException {
		try (ZipFile zip = new ZipFile(source.toFile())) {
			return manifest(zip, source);
		}
	}

	/** Restores {@code source}; refused unless the database has no tables. */
	public Manifest from(Path source) throws IOException, SQLException {
		try (ZipFile zip = new ZipFile(source.toFile())) {
			Manifest manifest = manifest(zip, source);
			refuseUnlessEmpty();
			Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/migration")
				.target(manifest.schemaVersion())
				.load()
				.migrate();
			load(zip, manifest);
			restoreFiles(zip);
			return manifest;
		}
	}

	private static Manifest manifest(ZipFile zip, Path source) throws IOException {
		ZipEntry entry = zip.getEntry(Manifest.ENTRY);
		if (entry == null) {
			throw new IllegalArgumentException(source + " is not a SuXiu backup (no " + Manifest.ENTRY + ")");
		}
		Manifest manifest;
		try (InputStream in = zip.getInputStream(entry)) {
			manifest = JSON.readValue(in, Manifest.class);
		}
		if (manifest.format() != Manifest.FORMAT) {
			throw new IllegalArgumentException("backup format " + manifest.format() + " is not " + Manifest.FORMAT);
		}
		return manifest;
	}

	private void refuseUnlessEmpty() throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			if (rows.getLong(1) > 0) {
				throw new IllegalStateException("the database already has tables: restore into an empty one "
						+ "(a new SUXIU_DATA_DIR, or a freshly created database)");
			}
		}
		if (Files.isDirectory(files)) {
			try (var existing = Files.list(files)) {
				if (existing.findAny().isPresent()) {
					throw new IllegalStateException(
							files + " already holds files: restore into an empty data directory");
				}
			}
		}
	}

	private void load(ZipFile zip, Manifest manifest) throws IOException, SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (Manifest.Table table : manifest.tables()) {
				long rows;
				try (InputStream in = zip.getInputStream(zip.getEntry(table.entry()))) {
					rows = copy.copyIn("COPY " + Catalog.quoted(table.name()) + " ("
							+ Catalog.columnList(table.columns()) + ") FROM STDIN (FORMAT binary)", in);
				}
				if (rows != table.rows()) {
					throw new IllegalStateException(
							table.name() + ": " + rows + " rows read, the backup says " + table.rows());
				}
			}
			for (Map.Entry<String, Long> sequence : manifest.sequences().entrySet()) {
				if (sequence.getValue() != null) {
					try (PreparedStatement statement = connection
						.prepareStatement("SELECT setval(quote_ident(?)::regclass, ?, true)")) {
						statement.setString(1, sequence.getKey());
						statement.setLong(2, sequence.getValue());
						statement.executeQuery().close();
					}
				}
			}
			connection.commit();
		}
	}

	private void restoreFiles(ZipFile zip) throws IOException {
		Path root = files.toAbsolutePath().normalize();
		Enumeration<? extends ZipEntry> entries = zip.entries();
		while (entries.hasMoreElements()) {
			ZipEntry entry = entries.nextElement();
			if (entry.isDirectory() || !entry.getName().startsWith("files/")) {
				continue;
			}
			Path target = root.resolve(entry.getName().substring("files/".length())).normalize();
			if (!target.startsWith(root)) {
				throw new IllegalArgumentException("backup entry " + entry.getName() + " points outside " + root);
			}
			Files.createDirectories(target.getParent());
			try (InputStream in = zip.getInputStream(entry)) {
				Files.copy(in, target);
			}
		}
	}

}
