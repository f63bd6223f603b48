package org.suxiu.analytics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suxiu.analytics.BreachCause;

/**
 * Stores {@link OrderRow}s in {@code analytics_order}; reading them for a change locks
 * them, so two events of one order are counted one after the other.
 */
@Repository
class OrderRows {

	private final JdbcClient jdbc;

	OrderRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rows of these orders, by number, with each order locked until the transaction
	 * ends (an advisory lock, so an order with no row yet is locked too).
	 */
	Map<String, OrderRow> lock(Collection<String> numbers) {
		if (numbers.isEmpty()) {
			return Map.of();
		}
		jdbc.sql(
				"SELECT count(pg_advisory_xact_lock(180, hashtext(n))) FROM (SELECT n FROM unnest(?) AS n ORDER BY n) AS o")
			.param(numbers.toArray(String[]::new))
			.query(Long.class)
			.single();
		return jdbc.sql("SELECT * FROM analytics_order WHERE number = ANY(?)")
			.param(numbers.toArray(String[]::new))
			.query(OrderRows::row)
			.list()
			.stream()
			.collect(Collectors.toMap(OrderRow::number, Function.identity()));
	}

	void save(List<OrderRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder(
				"""
						INSERT INTO analytics_order (number, tenant_id, project_id, day, grade, category, channel, status,
						    technician_id, technician_name, reported_at, response_minutes, arrival_minutes, completion_minutes,
						    work_minutes, respond_clock, arrive_clock, complete_clock, cause, rework, reworked, probable_rework, rating,
						    satisfied, paid_fen, approved_fen, place) VALUES
						""");
		List<Object> params = new java.util.ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			OrderRow r = rows.get(i);
			sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
			params.addAll(java.util.Arrays.asList(r.number(), r.tenantId(), r.projectId(), r.day(), r.grade(),
					r.category(), r.channel(), r.status(), r.technicianId(), r.technicianName(),
					Timestamp.from(r.reportedAt()), r.responseMinutes(), r.arrivalMinutes(), r.completionMinutes(),
					r.workMinutes(), r.respond(), r.arrive(), r.complete(), r.cause() == null ? null : r.cause().name(),
					r.rework(), r.reworked(), r.probableRework(), r.rating(), r.satisfied(), r.paidFen(),
					r.approvedFen(), r.place()));
		}
		sql.append(
				"""
						 ON CONFLICT (number) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, project_id = EXCLUDED.project_id,
						    day = EXCLUDED.day, grade = EXCLUDED.grade, category = EXCLUDED.category, channel = EXCLUDED.channel,
						    status = EXCLUDED.status, technician_id = EXCLUDED.technician_id,
						    technician_name = EXCLUDED.technician_name, reported_at = EXCLUDED.reported_at,
						    response_minutes = EXCLUDED.response_minutes, arrival_minutes = EXCLUDED.arrival_minutes,
						    completion_minutes = EXCLUDED.completion_minutes, work_minutes = EXCLUDED.work_minutes,
						    respond_clock = EXCLUDED.respond_clock, arrive_clock = EXCLUDED.arrive_clock,
						    complete_clock = EXCLUDED.complete_clock, cause = EXCLUDED.cause, rework = EXCLUDED.rework,
						    reworked = EXCLUDED.reworked, probable_rework = EXCLUDED.probable_rework, rating = EXCLUDED.rating, satisfied = EXCLUDED.satisfied,
						    paid_fen = EXCLUDED.paid_fen, approved_fen = EXCLUDED.approved_fen, place = EXCLUDED.place
						""");
		jdbc.sql(sql.toString()).params(params).update();
	}

	/** Charges seen for each order, by kind ({@code PAID}, {@code APPROVED}). */
	Map<String, long[]> charges(Collection<String> numbers) {
		Map<String, long[]> charges = new java.util.HashMap<>();
		if (numbers.isEmpty()) {
			return charges;
		}
		jdbc.sql("SELECT order_number, kind, sum(amount_fen) AS fen FROM analytics_charge "
				+ "WHERE order_number = ANY(?) GROUP BY order_number, kind")
			.param(numbers.toArray(String[]::new))
			.query((ResultSet rs) -> {
				long[] fen = charges.computeIfAbsent(rs.getString("order_number"), n -> new long[2]);
				fen["PAID".equals(rs.getString("kind")) ? 0 : 1] += rs.getLong("fen");
			});
		return charges;
	}

	/** Records payments and approved quotes, each once, in one statement. */
	void recordCharges(List<RecountBatcher.Charge> charges) {
		if (charges.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder(
				"INSERT INTO analytics_charge (kind, id, order_number, amount_fen) VALUES ");
		List<Object> params = new java.util.ArrayList<>();
		for (int i = 0; i < charges.size(); i++) {
			RecountBatcher.Charge c = charges.get(i);
			sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
			params.addAll(List.of(c.kind(), c.id(), c.number(), c.fen()));
		}
		jdbc.sql(sql.append(" ON CONFLICT DO NOTHING").toString()).params(params).update();
	}

	static OrderRow row(ResultSet rs, int n) throws SQLException {
		String cause = rs.getString("cause");
		return new OrderRow(rs.getString("number"), rs.getLong("tenant_id"), rs.getLong("project_id"),
				rs.getDate("day").toLocalDate(), rs.getString("grade"), rs.getString("category"),
				rs.getString("channel"), rs.getString("status"), (Long) rs.getObject("technician_id"),
				rs.getString("technician_name"), rs.getTimestamp("reported_at").toInstant(),
				(Integer) rs.getObject("response_minutes"), (Integer) rs.getObject("arrival_minutes"),
				(Integer) rs.getObject("completion_minutes"), (Integer) rs.getObject("work_minutes"),
				rs.getString("respond_clock"), rs.getString("arrive_clock"), rs.getString("complete_clock"),
				cause == null ? null : BreachCause.valueOf(cause), rs.getBoolean("rework"), rs.getBoolean("reworked"),
				rs.getBoolean("probable_rework"), (Integer) rs.getObject("rating"), (Boolean) rs.getObject("satisfied"),
				rs.getLong("paid_fen"), rs.getLong("approved_fen"), rs.getString("place"));
	}

}
