package org.suxiu.dispatch.dayplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.workorder.OrderFacts;

/**
 * Day plans as rows: any instance may show or apply a plan another one computed.
 */
@Repository
public class DayPlanStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DayPlanStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * A stored plan; {@code visits} ordered by technician and sequence, unplanned last.
	 */
	public record Plan(long id, long tenantId, long projectId, String status, String score, boolean feasible,
			long solveMillis, Instant createdAt, String createdBy, Instant appliedAt, String appliedBy,
			List<Visit> visits) {
	}

	/** One order in a plan; {@code seen} is null for pinned work. */
	public record Visit(String number, Grade grade, Category category, boolean pinned, Long technicianId,
			String technicianName, Integer sequence, Instant plannedArrival, Instant plannedStart,
			Instant plannedFinish, Instant arriveBy, String reason, OrderFacts seen, String outcome,
			String outcomeNote) {
	}

	long insert(Plan plan) {
		long id = jdbc.sql("""
				INSERT INTO day_plan (tenant_id, project_id, score, feasible, solve_millis, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
				""")
			.params(plan.tenantId(), plan.projectId(), plan.score(), plan.feasible(), plan.solveMillis(),
					ts(plan.createdAt()), plan.createdBy())
			.query(Long.class)
			.single();
		for (Visit v : plan.visits()) {
			jdbc.sql(
					"""
							INSERT INTO day_plan_visit (plan_id, order_number, grade, category, pinned, technician_id,
							    technician_name, sequence, planned_arrival, planned_start, planned_finish, arrive_by, reason, seen)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB))
							""")
				.params(id, v.number(), v.grade().name(), v.category().name(), v.pinned(), v.technicianId(),
						v.technicianName(), v.sequence(), ts(v.plannedArrival()), ts(v.plannedStart()),
						ts(v.plannedFinish()), ts(v.arriveBy()), v.reason(),
						v.seen() == null ? null : json.writeValueAsString(v.seen()))
				.update();
		}
		return id;
	}

	// each plan's visits are read while its row is mapped: one connection for all of it
	@Transactional(readOnly = true)
	public Optional<Plan> find(long id) {
		return jdbc.sql("SELECT * FROM day_plan WHERE id = ?").param(id).query((rs, n) -> plan(rs)).optional();
	}

	/** The project's latest plans, newest first. */
	@Transactional(readOnly = true)
	public List<Plan> latest(long projectId, int limit) {
		return jdbc.sql("SELECT * FROM day_plan WHERE project_id = ? ORDER BY id DESC LIMIT ?")
			.params(projectId, limit)
			.query((rs, n) -> plan(rs))
			.list();
	}

	/**
	 * Marks a proposed plan as being applied; false if it was applied (or is) already.
	 */
	boolean claim(long id, String by, Instant at) {
		return jdbc.sql(
				"UPDATE day_plan SET status = 'APPLYING', applied_by = ?, applied_at = ? WHERE id = ? AND status = 'PROPOSED'")
			.params(by, ts(at), id)
			.update() == 1;
	}

	void outcome(long id, String number, String outcome, String note) {
		jdbc.sql("UPDATE day_plan_visit SET outcome = ?, outcome_note = ? WHERE plan_id = ? AND order_number = ?")
			.params(outcome, note, id, number)
			.update();
	}

	void applied(long id) {
		jdbc.sql("UPDATE day_plan SET status = 'APPLIED' WHERE id = ?").param(id).update();
	}

	private Plan plan(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		List<Visit> visits = jdbc.sql("""
				SELECT * FROM day_plan_visit WHERE plan_id = ?
				ORDER BY technician_id NULLS LAST, sequence, order_number
				""").param(id).query((v, n) -> visit(v)).list();
		return new Plan(id, rs.getLong("tenant_id"), rs.getLong("project_id"), rs.getString("status"),
				rs.getString("score"), rs.getBoolean("feasible"), rs.getLong("solve_millis"), instant(rs, "created_at"),
				rs.getString("created_by"), instant(rs, "applied_at"), rs.getString("applied_by"), visits);
	}

	private Visit visit(ResultSet rs) throws SQLException {
		String seen = rs.getString("seen");
		return new Visit(rs.getString("order_number"), Grade.valueOf(rs.getString("grade")),
				Category.valueOf(rs.getString("category")), rs.getBoolean("pinned"),
				(Long) rs.getObject("technician_id"), rs.getString("technician_name"),
				(Integer) rs.getObject("sequence"), instant(rs, "planned_arrival"), instant(rs, "planned_start"),
				instant(rs, "planned_finish"), instant(rs, "arrive_by"), rs.getString("reason"),
				seen == null ? null : json.readValue(seen, OrderFacts.class), rs.getString("outcome"),
				rs.getString("outcome_note"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
