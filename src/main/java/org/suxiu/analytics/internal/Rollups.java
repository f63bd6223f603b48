package org.suxiu.analytics.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The roll-up rows: {@code analytics_rollup} (a project's day, split by one dimension's
 * value) and {@code analytics_rollup_month} (the same summed by month), both moved by the
 * same differences. A table over whole months reads the monthly rows and only the ragged
 * days at its ends from the daily ones, so twenty-four months add up some hundreds of
 * rows, not tens of thousands.
 */
@Repository
class Rollups {

	private static final String COUNTERS = Arrays.stream(Measure.values())
		.map(Measure::column)
		.collect(Collectors.joining(", "));

	private static final String HISTOGRAMS = Arrays.stream(Tally.Times.values())
		.map(Tally.Times::column)
		.collect(Collectors.joining(", "));

	private static final String DAYS = "analytics_rollup";

	private static final String MONTHS = "analytics_rollup_month";

	private final JdbcClient jdbc;

	Rollups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds each difference to its day's row and its month's row, creating rows as needed.
	 */
	void add(Map<RollupKey, Tally> differences) {
		Map<RollupKey, Tally> months = new HashMap<>();
		differences.forEach((key, tally) -> months
			.computeIfAbsent(new RollupKey(key.tenantId(), key.projectId(), key.day().withDayOfMonth(1),
					key.dimension(), key.value()), k -> new Tally())
			.plus(tally, 1));
		upsertAll(DAYS, differences);
		upsertAll(MONTHS, months);
	}

	private void upsertAll(String table, Map<RollupKey, Tally> differences) {
		List<Map.Entry<RollupKey, Tally>> changes = differences.entrySet()
			.stream()
			.filter(e -> !e.getValue().isZero())
			.sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(RollupKey::projectId)
				.thenComparing(RollupKey::dimension)
				.thenComparing(RollupKey::day)
				.thenComparing(RollupKey::value)))
			.toList();
		for (int from = 0; from < changes.size(); from += CHUNK) {
			upsert(table, changes.subList(from, Math.min(changes.size(), from + CHUNK)));
		}
	}

	/** Rows per statement: PostgreSQL takes at most 32,767 parameters in one. */
	private static final int CHUNK = 400;

	private void upsert(String table, List<Map.Entry<RollupKey, Tally>> changes) {
		int width = 5 + Measure.values().length + Tally.Times.values().length;
		String row = "(" + String.join(",", java.util.Collections.nCopies(width, "?")) + ")";
		StringBuilder sql = new StringBuilder("INSERT INTO " + table
				+ " (project_id, dimension, day, value, tenant_id, " + COUNTERS + ", " + HISTOGRAMS + ") VALUES ");
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
				// an unmoved histogram goes as an empty array, which adds nothing without
				// a walk over the buckets
				params.add(Arrays.stream(h).allMatch(c -> c == 0) ? new Long[0]
						: Arrays.stream(h).boxed().toArray(Long[]::new));
			}
		}
		sql.append(" ON CONFLICT (project_id, dimension, day, value) DO UPDATE SET ");
		List<String> sets = new ArrayList<>();
		for (Measure m : Measure.values()) {
			sets.add(m.column() + " = " + table + "." + m.column() + " + EXCLUDED." + m.column());
		}
		for (Tally.Times t : Tally.Times.values()) {
			sets.add(t.column() + " = analytics_add(" + table + "." + t.column() + ", EXCLUDED." + t.column() + ")");
		}
		sql.append(String.join(", ", sets));
		jdbc.sql(sql.toString()).params(params).update();
	}

	/**
	 * The rows of a project's days from {@code from} to {@code to} (both inclusive) of
	 * one dimension, added up in the database by {@code groupBy}: {@code value},
	 * {@code day}, {@code week}, {@code month} (each row's key the first day of its
	 * period) or {@code total} (one row). Whole months come from the monthly rows unless
	 * the rows are split by day or week.
	 */
	List<Row> sums(long projectId, String dimension, LocalDate from, LocalDate to, String groupBy) {
		String key = switch (groupBy) {
			case "value" -> "value";
			case "day" -> "CAST(day AS TEXT)";
			case "week" -> "CAST(CAST(date_trunc('week', day) AS DATE) AS TEXT)";
			case "month" -> "CAST(CAST(date_trunc('month', day) AS DATE) AS TEXT)";
			default -> "'total'";
		};
		Span span = "day".equals(groupBy) || "week".equals(groupBy) ? Span.daysOnly(from, to) : Span.of(from, to);
		List<Object> params = new ArrayList<>(List.of(projectId, dimension, Date.valueOf(span.headFrom()),
				Date.valueOf(span.headTo()), Date.valueOf(span.tailFrom()), Date.valueOf(span.tailTo()), projectId,
				dimension, Date.valueOf(span.monthsFrom()), Date.valueOf(span.monthsTo())));
		String rows = "SELECT " + key + " AS k, " + COUNTERS + ", " + HISTOGRAMS + " FROM " + DAYS
				+ " WHERE project_id = ? AND dimension = ? AND (day BETWEEN ? AND ? OR day BETWEEN ? AND ?) "
				+ "UNION ALL SELECT " + key + " AS k, " + COUNTERS + ", " + HISTOGRAMS + " FROM " + MONTHS
				+ " WHERE project_id = ? AND dimension = ? AND day BETWEEN ? AND ?";
		// the rows as they are, added up here: a few hundred rows, where adding their
		// histograms bucket by bucket in the database unnested and grouped a hundred
		// thousand values (and spilled to disk) for two years by day
		Map<String, Tally> sums = new java.util.LinkedHashMap<>();
		int counters = Measure.values().length;
		jdbc.sql(rows).params(params).query((ResultSet rs) -> {
			Tally tally = sums.computeIfAbsent(rs.getString(1), k -> new Tally());
			for (int m = 0; m < counters; m++) {
				tally.counters[m] += rs.getLong(2 + m);
			}
			for (int t = 0; t < Tally.Times.values().length; t++) {
				java.sql.Array array = rs.getArray(2 + counters + t);
				if (array == null) {
					continue;
				}
				Object[] buckets = (Object[]) array.getArray();
				long[] histogram = tally.histograms[t];
				for (int b = 0; b < buckets.length && b < Buckets.COUNT; b++) {
					if (buckets[b] != null) {
						histogram[b] += ((Number) buckets[b]).longValue();
					}
				}
			}
		});
		List<Row> result = new ArrayList<>();
		sums.forEach((k, tally) -> result.add(new Row(null, k, tally)));
		return result;
	}

	void clear() {
		jdbc.sql("TRUNCATE analytics_rollup, analytics_rollup_month, analytics_order").update();
	}

	/** A sum of roll-up rows: its key ({@code value}) and its figures. */
	record Row(LocalDate day, String value, Tally tally) {
	}

	/**
	 * A period cut into the days before its first whole month ({@code head}), its whole
	 * months (the first day of each) and the days after the last ({@code tail}); an empty
	 * part runs backwards, so {@code BETWEEN} finds nothing in it.
	 */
	record Span(LocalDate headFrom, LocalDate headTo, LocalDate monthsFrom, LocalDate monthsTo, LocalDate tailFrom,
			LocalDate tailTo) {

		private static final LocalDate NEVER_FROM = LocalDate.of(2, 1, 1);

		private static final LocalDate NEVER_TO = LocalDate.of(1, 1, 1);

		static Span daysOnly(LocalDate from, LocalDate to) {
			return new Span(from, to, NEVER_FROM, NEVER_TO, NEVER_FROM, NEVER_TO);
		}

		static Span of(LocalDate from, LocalDate to) {
			LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
			LocalDate afterLastWhole = to.plusDays(1).withDayOfMonth(1);
			if (!firstWhole.isBefore(afterLastWhole)) {
				return daysOnly(from, to);
			}
			return new Span(from, firstWhole.minusDays(1), firstWhole, afterLastWhole.minusMonths(1), afterLastWhole,
					to);
		}

	}

}
