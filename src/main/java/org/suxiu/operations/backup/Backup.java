package org.suxiu.operations.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a backup: one zip file with every table's rows in PostgreSQL's binary COPY
 * format, read in one repeatable-read snapshot (consistent while the server keeps
 * working), the sequences, the schema version, and the attachment files. The embedded
 * binaries have no {@code pg_dump}; this needs nothing but the JDBC driver.
 */
public final class Backup {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;

	private final Path files;

	private final Clock clock;

	/**
	 * @param files the attachment store's directory ({@code $SUXIU_DATA_DIR/files}); may
	 * not exist
	 */
	public Backup(DataSource dataSource, Path files, Clock clock) {
		this.dataSource = dataSource;
		this.files = files;
		this.clock = clock;
	}

	/**
	 * Writes the backup to {@code target} (via a temporary file, so never half a file).
	 */
	public Manifest writeTo(Path target) throws IOException, SQLException {
		Path absolute = target.toAbsolutePath();
		Files.createDirectories(absolute.getParent());
		Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
		Manifest manifest;
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
			manifest = write(zip);
		}
		catch (IOException | SQLException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			throw ex;
		}
		Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return manifest;
	}

	private Manifest write(ZipOutputStream zip) throws IOException, SQLException {
		String takenAt = clock.instant().toString();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
			}
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			String version = Catalog.schemaVersion(connection);
			List<Manifest.Table> tables = new ArrayList<>();
			int index = 0;
			for (String table : Catalog.tablesInForeignKeyOrder(connection)) {
				List<String> columns = Catalog.storedColumns(connection, table);
				String entry = "db/%03d-%s.copy".formatted(++index, table);
				zip.putNextEntry(new ZipEntry(entry));
				long rows = copy.copyOut("COPY " + Catalog.quoted(table) + " (" + Catalog.columnList(columns)
						+ ") TO STDOUT (FORMAT binary)", new Unclosed(zip));
				zip.closeEntry();
				tables.add(new Manifest.Table(table, columns, rows, entry));
			}
			var sequences = Catalog.sequences(connection);
			connection.commit();
			long fileCount = writeFiles(zip);
			Manifest manifest = new Manifest(Manifest.FORMAT, version, takenAt, tables, sequences, fileCount);
			zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
			zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
			zip.closeEntry();
			return manifest;
		}
	}

	private long writeFiles(ZipOutputStream zip) throws IOException {
		if (!Files.isDirectory(files)) {
			return 0;
		}
		long count = 0;
		try (Stream<Path> walk = Files.walk(files)) {
			for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
				String name = files.relativize(file).toString().replace('\\', '/');
				if (name.endsWith(".part")) {
					continue;
				}
				zip.putNextEntry(new ZipEntry("files/" + name));
				try {
					Files.copy(file, zip);
				}
				catch (java.nio.file.NoSuchFileException gone) {
					// deleted while the backup ran: the snapshot's row for it is gone too
				}
				zip.closeEntry();
				count++;
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		return count;
	}

	/** The zip stays open between entries; the driver must not close it. */
	private static final class Unclosed extends FilterOutputStream {

		Unclosed(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
