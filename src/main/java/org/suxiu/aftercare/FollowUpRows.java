package org.suxiu.aftercare;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/** The {@code follow_up} table: one row per accepted order. */
@Component
class FollowUpRows {

	private final JdbcClient jdbc;

	FollowUpRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One row as stored.
	 */
	record Row(String number, long tenantId, long projectId, String projectCode, String place, Grade grade,
			Category category, Long technicianId, String technicianName, String reporterName, String reporterPhone,
			Integer rating, Instant acceptedAt, CallReason reason, FollowUpStatus status, Instant dueAt, int attempts,
			Instant lastTryAt, FollowUpOutcome outcome, String outcomeReason, String note, Instant doneAt,
			String doneBy, int version) {
	}

	/** Stores a new row; nothing if the order has one already. */
	boolean insert(Row row) {
		return jdbc.sql("""
				INSERT INTO follow_up (order_number, tenant_id, project_id, project_code, place, grade, category,
				    technician_id, technician_name, reporter_name, reporter_phone, rating, accepted_at, call_reason,
				    status, due_at, attempts, outcome, outcome_reason, note, done_at, done_by)
				VALUES (:number, :tenant, :project, :code, :place, :grade, :category, :technician, :technicianName,
				    :reporterName, :reporterPhone, :rating, :acceptedAt, :reason, :status, :dueAt, :attempts, :outcome,
				    :outcomeReason, :note, :doneAt, :doneBy)
				ON CONFLICT (order_number) DO NOTHING
				""")
			.param("number", row.number())
			.param("tenant", row.tenantId())
			.param("project", row.projectId())
			.param("code", row.projectCode())
			.param("place", row.place())
			.param("grade", row.grade().name())
			.param("category", row.category().name())
			.param("technician", row.technicianId())
			.param("technicianName", row.technicianName())
			.param("reporterName", row.reporterName())
			.param("reporterPhone", row.reporterPhone())
			.param("rating", row.rating())
			.param("acceptedAt", Timestamp.from(row.acceptedAt()))
			.param("reason", row.reason() == null ? null : row.reason().name())
			.param("status", row.status().name())
			.param("dueAt", Timestamp.from(row.dueAt()))
			.param("attempts", row.attempts())
			.param("outcome", row.outcome() == null ? null : row.outcome().name())
			.param("outcomeReason", row.outcomeReason())
			.param("note", row.note())
			.param("doneAt", row.doneAt() == null ? null : Timestamp.from(row.doneAt()))
			.param("doneBy", row.doneBy())
			.update() == 1;
	}

	Optional<Row> find(String number) {
		return jdbc.sql("SELECT * FROM follow_up WHERE order_number = ?")
			.param(number)
			.query(FollowUpRows::row)
			.optional();
	}

	/** The row, locked until the transaction ends. */
	Optional<Row> lock(String number) {
		return jdbc.sql("SELECT * FROM follow_up WHERE order_number = ? FOR UPDATE")
			.param(number)
			.query(FollowUpRows::row)
			.optional();
	}

	/** A call that did not reach the owner. */
	void tried(String number, Instant at, String by, String note) {
		jdbc.sql("""
				UPDATE follow_up SET attempts = attempts + 1, last_try_at = ?, done_by = ?, note = ?,
				    version = version + 1 WHERE order_number = ?
				""").params(Timestamp.from(at), by, note, number).update();
	}

	/** The follow-up is finished: the call's outcome, or closed without a call. */
	void finish(String number, FollowUpStatus status, FollowUpOutcome outcome, String reason, String note, Instant at,
			String by, boolean countTry) {
		jdbc.sql("""
				UPDATE follow_up SET status = ?, outcome = ?, outcome_reason = ?, note = COALESCE(?, note), done_at = ?,
				    done_by = ?, attempts = attempts + ?, last_try_at = CASE WHEN ? THEN ? ELSE last_try_at END,
				    version = version + 1 WHERE order_number = ?
				""")
			.params(status.name(), outcome == null ? null : outcome.name(), reason, note, Timestamp.from(at), by,
					countTry ? 1 : 0, countTry, Timestamp.from(at), number)
			.update();
	}

	/**
	 * Marks an open follow-up (a call due, or none needed) as {@code status}.
	 * @return whether it was open
	 */
	boolean finishIfOpen(String number, FollowUpStatus status, FollowUpOutcome outcome, String note, Instant at) {
		return jdbc.sql("""
				UPDATE follow_up SET status = ?, outcome = ?, note = COALESCE(?, note), done_at = ?,
				    version = version + 1 WHERE order_number = ? AND status IN ('DUE', 'NO_CALL')
				""")
			.params(status.name(), outcome == null ? null : outcome.name(), note, Timestamp.from(at), number)
			.update() == 1;
	}

	/**
	 * A page of one tenant's follow-ups of a status, by due time.
	 * @param projects the projects to include; empty for all of the tenant's
	 */
	List<Row> page(long tenantId, Set<Long> projects, FollowUpStatus status, Instant dueBefore, int page, int size) {
		StringBuilder sql = new StringBuilder("SELECT * FROM follow_up WHERE tenant_id = :tenant AND status = :status");
		where(sql, projects, dueBefore);
		sql.append(" ORDER BY due_at, order_number LIMIT :size OFFSET :offset");
		return params(jdbc.sql(sql.toString()), tenantId, projects, status, dueBefore).param("size", size)
			.param("offset", (long) page * size)
			.query(FollowUpRows::row)
			.list();
	}

	long count(long tenantId, Set<Long> projects, FollowUpStatus status, Instant dueBefore) {
		StringBuilder sql = new StringBuilder(
				"SELECT count(*) FROM follow_up WHERE tenant_id = :tenant AND status = :status");
		where(sql, projects, dueBefore);
		return params(jdbc.sql(sql.toString()), tenantId, projects, status, dueBefore).query(Long.class).single();
	}

	private static void where(StringBuilder sql, Set<Long> projects, Instant dueBefore) {
		if (!projects.isEmpty()) {
			sql.append(" AND project_id IN (:projects)");
		}
		if (dueBefore != null) {
			sql.append(" AND due_at < :dueBefore");
		}
	}

	private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, long tenantId, Set<Long> projects,
			FollowUpStatus status, Instant dueBefore) {
		spec = spec.param("tenant", tenantId).param("status", status.name());
		if (!projects.isEmpty()) {
			spec = spec.param("projects", new ArrayList<>(projects));
		}
		if (dueBefore != null) {
			spec = spec.param("dueBefore", Timestamp.from(dueBefore));
		}
		return spec;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String reason = rs.getString("call_reason");
		String outcome = rs.getString("outcome");
		int rating = rs.getInt("rating");
		Integer stars = rs.wasNull() ? null : rating;
		return new Row(rs.getString("order_number"), rs.getLong("tenant_id"), rs.getLong("project_id"),
				rs.getString("project_code"), rs.getString("place"), Grade.valueOf(rs.getString("grade")),
				Category.valueOf(rs.getString("category")), (Long) rs.getObject("technician_id"),
				rs.getString("technician_name"), rs.getString("reporter_name"), rs.getString("reporter_phone"), stars,
				instant(rs, "accepted_at"), reason == null ? null : CallReason.valueOf(reason),
				FollowUpStatus.valueOf(rs.getString("status")), instant(rs, "due_at"), rs.getInt("attempts"),
				instant(rs, "last_try_at"), outcome == null ? null : FollowUpOutcome.valueOf(outcome),
				rs.getString("outcome_reason"), rs.getString("note"), instant(rs, "done_at"), rs.getString("done_by"),
				rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
