package org.suxiu.operations.backup;

import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} entry of a backup file: what it holds, so that a restore
 * rebuilds the same schema version, loads the tables in order and checks that every row
 * arrived.
 *
 * @param format the file layout's version
 * @param schemaVersion the Flyway version the tables were dumped at
 * @param takenAt when the snapshot was taken (ISO-8601)
 * @param tables every table in foreign-key order, with its columns and row count
 * @param sequences each sequence's last value (null when never used)
 * @param files how many attachment files the backup holds
 */
public record Manifest(int format, String schemaVersion, String takenAt, List<Table> tables,
		Map<String, Long> sequences, long files) {

	static final int FORMAT = 1;

	static final String ENTRY = "manifest.json";

	/** One table: the entry holding its rows in PostgreSQL's binary COPY format. */
	public record Table(String name, List<String> columns, long rows, String entry) {
	}

}
