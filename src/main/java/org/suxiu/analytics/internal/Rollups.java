package org.suxiu.analytics.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The roll-up rows ({@code analytics_rollup}): moved by differences, added up by day and
 * dimension.
 */
@Repository
class Rollups {

	private static final String COUNTERS = Arrays.stream(Measure.values())
		.map(Measure::column)
		.collect(Collectors.joining(", "));

	private static final String HISTOGRAMS = Arrays.stream(Tally.Times.values())
		.map(Tally.Times::column)
		.collect(Collectors.joining(", "));

	private final JdbcClient jdbc;

	Rollups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds each difference to its row, creating rows as needed. */
	void add(Map<RollupKey, Tally> differences) {
		List<Map.Entry<RollupKey, Tally>> changes = differences.entrySet()
			.stream()
			.filter(e -> !e.getValue().isZero())
			.sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(RollupKey::projectId)
				.thenComparing(RollupKey::dimension)
				.thenComparing(RollupKey::day)
				.thenComparing(RollupKey::value)))
			.toList();
		for (int from = 0; from < changes.size(); from += CHUNK) {
			upsert(changes.subList(from, Math.min(changes.size(), from + CHUNK)));
		}
	}

	/** Rows per statement: PostgreSQL takes at most 32,767 parameters in one. */
	private static final int CHUNK = 400;

	private void upsert(List<Map.Entry<RollupKey, Tally>> changes) {
		int width = 5 + Measure.values().length + Tally.Times.values().length;
		String row = "(" + String.join(",", java.util.Collections.nCopies(width, "?")) + ")";
		StringBuilder sql = new StringBuilder(
				"INSERT INTO analytics_rollup (project_id, dimension, day, value, tenant_id, " + COUNTERS + ", "
						+ HISTOGRAMS + ") VALUES ");
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < changes.size(); i++) {
			RollupKey key = changes.get(i).getKey();
			Tally tally = changes.get(i).getValue();
			sql.append(i == 0 ? "" : ",").append(row);
			params.addAll(
					List.of(key.projectId(), key.dimension(), Date.valueOf(key.day()), key.value(), key.tenantId()));
			for (long c : tally.counters) {
				params.add(c);
			}
			for (long[] h : tally.histograms) {
				params.add(Arrays.stream(h).boxed().toArray(Long[]::new));
			}
		}
		sql.append(" ON CONFLICT (project_id, dimension, day, value) DO UPDATE SET ");
		List<String> sets = new ArrayList<>();
		for (Measure m : Measure.values()) {
			sets.add(m.column() + " = analytics_rollup." + m.column() + " + EXCLUDED." + m.column());
		}
		for (Tally.Times t : Tally.Times.values()) {
			sets.add(t.column() + " = analytics_add(analytics_rollup." + t.column() + ", EXCLUDED." + t.column() + ")");
		}
		sql.append(String.join(", ", sets));
		jdbc.sql(sql.toString()).params(params).update();
	}

	/**
	 * The rows of a project's days from {@code from} to {@code to} (both inclusive) of
	 * one dimension, added up in the database by {@code groupBy}: {@code value},
	 * {@code day}, {@code week}, {@code month} (each row's key the first day of its
	 * period) or {@code total} (one row).
	 */
	List<Row> sums(long projectId, String dimension, LocalDate from, LocalDate to, String groupBy) {
		String key = switch (groupBy) {
			case "value" -> "value";
			case "day" -> "CAST(day AS TEXT)";
			case "week" -> "CAST(CAST(date_trunc('week', day) AS DATE) AS TEXT)";
			case "month" -> "CAST(CAST(date_trunc('month', day) AS DATE) AS TEXT)";
			default -> "'total'";
		};
		String counters = Arrays.stream(Measure.values())
			.map(m -> "sum(" + m.column() + ") AS " + m.column())
			.collect(Collectors.joining(", "));
		String histograms = Arrays.stream(Tally.Times.values())
			.map(t -> "analytics_sum(" + t.column() + ") AS " + t.column())
			.collect(Collectors.joining(", "));
		return jdbc
			.sql("SELECT " + key + " AS k, " + counters + ", " + histograms + " FROM analytics_rollup "
					+ "WHERE project_id = ? AND dimension = ? AND day BETWEEN ? AND ? GROUP BY 1")
			.params(projectId, dimension, Date.valueOf(from), Date.valueOf(to))
			.query((rs, n) -> new Row(null, rs.getString("k"), tally(rs)))
			.list();
	}

	void clear() {
		jdbc.sql("TRUNCATE analytics_rollup, analytics_order").update();
	}

	private static Tally tally(ResultSet rs) throws SQLException {
		Tally tally = new Tally();
		for (Measure m : Measure.values()) {
			tally.counters[m.ordinal()] = rs.getLong(m.column());
		}
		for (Tally.Times t : Tally.Times.values()) {
			Array array = rs.getArray(t.column());
			Object[] values = (Object[]) array.getArray();
			for (int b = 0; b < values.length && b < Buckets.COUNT; b++) {
				tally.histograms[t.ordinal()][b] = values[b] == null ? 0 : ((Number) values[b]).longValue();
			}
		}
		return tally;
	}

	/** A sum of roll-up rows: its key ({@code value}) and its figures. */
	record Row(LocalDate day, String value, Tally tally) {
	}

}
