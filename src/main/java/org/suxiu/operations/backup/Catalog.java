package org.suxiu.operations.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What PostgreSQL's catalog says about the schema: the tables in foreign-key order
 * (parents before children), their stored columns, and the sequences. Generic on purpose:
 * a backup copies every module's tables without knowing what they mean, the way
 * {@code pg_dump} does, so no module needs a backup API.
 */
final class Catalog {

	/** Flyway's own bookkeeping; a restore rebuilds it by migrating. */
	static final String SCHEMA_HISTORY = "flyway_schema_history";

	private Catalog() {
	}

	/** Tables of the {@code public} schema, every parent before its children. */
	static List<String> tablesInForeignKeyOrder(Connection connection) throws SQLException {
		Set<String> tables = new TreeSet<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ?")) {
			statement.setString(1, SCHEMA_HISTORY);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
		}
		Map<String, Set<String>> parents = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT child.relname, parent.relname FROM pg_constraint c
				JOIN pg_class child ON child.oid = c.conrelid
				JOIN pg_class parent ON parent.oid = c.confrelid
				JOIN pg_namespace n ON n.oid = child.relnamespace
				WHERE c.contype = 'f' AND n.nspname = 'public'"""); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				if (!rows.getString(1).equals(rows.getString(2))) {
					parents.computeIfAbsent(rows.getString(1), t -> new HashSet<>()).add(rows.getString(2));
				}
			}
		}
		List<String> ordered = new ArrayList<>();
		Set<String> placed = new HashSet<>();
		while (ordered.size() < tables.size()) {
			String next = tables.stream()
				.filter(t -> !placed.contains(t))
				.filter(t -> placed
					.containsAll(parents.getOrDefault(t, Set.of()).stream().filter(tables::contains).toList()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("foreign keys form a cycle among " + tables));
			ordered.add(next);
			placed.add(next);
		}
		return ordered;
	}

	/** The columns a COPY writes and reads: all but generated ones. */
	static List<String> storedColumns(Connection connection, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = 'public' AND table_name = ? AND is_generated = 'NEVER'
				ORDER BY ordinal_position""")) {
			statement.setString(1, table);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					columns.add(rows.getString(1));
				}
			}
		}
		return columns;
	}

	/** Each sequence's last value, absent for one never used. */
	static Map<String, Long> sequences(Connection connection) throws SQLException {
		Map<String, Long> values = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1");
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				String name = rows.getString(1);
				long value = rows.getLong(2);
				values.put(name, rows.wasNull() ? null : value);
			}
		}
		return values;
	}

	/** The newest schema version Flyway applied. */
	static String schemaVersion(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT version FROM " + SCHEMA_HISTORY
				+ " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
				ResultSet rows = statement.executeQuery()) {
			if (!rows.next()) {
				throw new IllegalStateException("the database has no schema history: nothing to back up");
			}
			return rows.getString(1);
		}
	}

	static String quoted(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	static String columnList(List<String> columns) {
		return String.join(", ", columns.stream().map(Catalog::quoted).toList());
	}

}
