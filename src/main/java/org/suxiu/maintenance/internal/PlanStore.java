package org.suxiu.maintenance.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suxiu.maintenance.HolidayRule;
import org.suxiu.maintenance.Interval;
import org.suxiu.maintenance.PlanWork;

/** Plans and their work: the maintenance module owns these two tables. */
@Repository
class PlanStore {

	private final JdbcClient jdbc;

	PlanStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A plan row. */
	record Plan(long id, long tenantId, long projectId, long assetId, String name, Integer every, Interval unit,
			Long meterEvery, Long nextMeterDue, Long lastMeter, LocalDate startsOn, int leadDays,
			HolidayRule holidayRule, List<String> checklist, Instant createdAt) {
	}

	long insert(long tenantId, long projectId, long assetId, String name, Integer every, Interval unit, Long meterEvery,
			LocalDate startsOn, int leadDays, HolidayRule rule, List<String> checklist, Instant now) {
		return jdbc.sql("""
				INSERT INTO maintenance_plan (tenant_id, project_id, asset_id, name, every_n, unit, meter_every,
				    next_meter_due, starts_on, lead_days, holiday_rule, checklist, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
				""")
			.params(tenantId, projectId, assetId, name, every, unit.name(), meterEvery, meterEvery,
					Date.valueOf(startsOn), leadDays, rule.name(), checklist.toArray(String[]::new),
					Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	Optional<Plan> find(long id) {
		return jdbc.sql("SELECT * FROM maintenance_plan WHERE id = ?").param(id).query(PlanStore::plan).optional();
	}

	/** The plan's row, locked for the transaction. */
	Optional<Plan> lock(long id) {
		return jdbc.sql("SELECT * FROM maintenance_plan WHERE id = ? FOR UPDATE")
			.param(id)
			.query(PlanStore::plan)
			.optional();
	}

	List<Plan> ofProject(long projectId, Long assetId) {
		return jdbc.sql("""
				SELECT * FROM maintenance_plan WHERE project_id = ? AND (CAST(? AS BIGINT) IS NULL OR asset_id = ?)
				ORDER BY asset_id, id
				""").params(projectId, assetId, assetId).query(PlanStore::plan).list();
	}

	List<Plan> ofAsset(long assetId) {
		return jdbc.sql("SELECT * FROM maintenance_plan WHERE asset_id = ? ORDER BY id")
			.param(assetId)
			.query(PlanStore::plan)
			.list();
	}

	/** Ids of active calendar plans, for the generator. */
	List<Long> calendarPlans() {
		return jdbc.sql("SELECT id FROM maintenance_plan WHERE active AND unit <> 'METER' ORDER BY id")
			.query(Long.class)
			.list();
	}

	/** Whether work for the plan's nominal due day exists already. */
	boolean generated(long planId, LocalDate dueOn) {
		return jdbc.sql("SELECT count(*) FROM plan_work WHERE plan_id = ? AND due_on = ?")
			.params(planId, Date.valueOf(dueOn))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Claims the plan's work for a due day: false if another instance (or an earlier run)
	 * has it. The row waits for the unique key, so a racing claim waits for the other's
	 * commit and then finds the day taken.
	 */
	boolean claim(long planId, LocalDate dueOn, LocalDate workOn, String placeholder, Instant now) {
		return jdbc.sql("""
				INSERT INTO plan_work (plan_id, due_on, work_on, order_number, generated_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (plan_id, due_on) DO NOTHING
				""")
			.params(planId, Date.valueOf(dueOn), Date.valueOf(workOn), placeholder, Timestamp.from(now))
			.update() == 1;
	}

	void numbered(long planId, LocalDate dueOn, String number) {
		jdbc.sql("UPDATE plan_work SET order_number = ? WHERE plan_id = ? AND due_on = ?")
			.params(number, planId, Date.valueOf(dueOn))
			.update();
	}

	void meter(long planId, long reading, long nextDue) {
		jdbc.sql("UPDATE maintenance_plan SET last_meter = ?, next_meter_due = ? WHERE id = ?")
			.params(reading, nextDue, planId)
			.update();
	}

	List<PlanWork> work(long planId) {
		return jdbc.sql("SELECT * FROM plan_work WHERE plan_id = ? ORDER BY due_on DESC LIMIT 100")
			.param(planId)
			.query(PlanStore::work)
			.list();
	}

	/** Work past its planned day, neither completed nor escalated. */
	List<Overdue> overdue(LocalDate today) {
		return jdbc.sql("""
				SELECT w.id, w.plan_id, p.project_id, w.work_on, w.order_number FROM plan_work w
				JOIN maintenance_plan p ON p.id = w.plan_id
				WHERE w.completed_at IS NULL AND w.escalated_at IS NULL AND w.work_on < ?
				ORDER BY w.work_on LIMIT 500
				""")
			.param(Date.valueOf(today))
			.query((rs, n) -> new Overdue(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("project_id"),
					rs.getDate("work_on").toLocalDate(), rs.getString("order_number")))
			.list();
	}

	record Overdue(long id, long planId, long projectId, LocalDate workOn, String number) {
	}

	/** Marks the work escalated; false if another instance did. */
	boolean escalate(long workId, Instant now) {
		return jdbc.sql("UPDATE plan_work SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL")
			.params(Timestamp.from(now), workId)
			.update() == 1;
	}

	void completed(String number, Instant at) {
		jdbc.sql("UPDATE plan_work SET completed_at = ? WHERE order_number = ? AND completed_at IS NULL")
			.params(Timestamp.from(at), number)
			.update();
	}

	Optional<Plan> ofOrder(String number) {
		return jdbc
			.sql("SELECT p.* FROM maintenance_plan p JOIN plan_work w ON w.plan_id = p.id WHERE w.order_number = ?")
			.param(number)
			.query(PlanStore::plan)
			.optional();
	}

	/** The project's work planned for days from {@code from} to {@code to}, inclusive. */
	List<Planned> plannedBetween(long projectId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT p.asset_id, p.every_n, p.unit, w.work_on, w.completed_at FROM plan_work w
				JOIN maintenance_plan p ON p.id = w.plan_id
				WHERE p.project_id = ? AND w.work_on BETWEEN ? AND ?
				""")
			.params(projectId, Date.valueOf(from), Date.valueOf(to))
			.query((rs, n) -> new Planned(rs.getLong("asset_id"), (Integer) rs.getObject("every_n"),
					Interval.valueOf(rs.getString("unit")), rs.getDate("work_on").toLocalDate(),
					instant(rs, "completed_at")))
			.list();
	}

	record Planned(long assetId, Integer every, Interval unit, LocalDate workOn, Instant completedAt) {
	}

	private static PlanWork work(ResultSet rs, int n) throws SQLException {
		return new PlanWork(rs.getDate("due_on").toLocalDate(), rs.getDate("work_on").toLocalDate(),
				rs.getString("order_number"), instant(rs, "generated_at"), instant(rs, "completed_at"),
				instant(rs, "escalated_at"));
	}

	private static Plan plan(ResultSet rs, int n) throws SQLException {
		Array checklist = rs.getArray("checklist");
		return new Plan(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("project_id"), rs.getLong("asset_id"),
				rs.getString("name"), (Integer) rs.getObject("every_n"), Interval.valueOf(rs.getString("unit")),
				(Long) rs.getObject("meter_every"), (Long) rs.getObject("next_meter_due"),
				(Long) rs.getObject("last_meter"), rs.getDate("starts_on").toLocalDate(), rs.getInt("lead_days"),
				HolidayRule.valueOf(rs.getString("holiday_rule")), Arrays.asList((String[]) checklist.getArray()),
				instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
