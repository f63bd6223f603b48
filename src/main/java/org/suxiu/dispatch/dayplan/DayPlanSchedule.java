package org.suxiu.dispatch.dayplan;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.shared.DatabaseOutage;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;

/**
 * The optional periodic re-plan: for each project listed in
 * {@code suxiu.dispatch.planner.replan.projects} (none by default), every
 * {@code suxiu.dispatch.planner.replan.every} it proposes a fresh day plan when NEW
 * orders wait; it never dispatches. The project's schedule row is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and held while planning, so with several instances each
 * re-plan happens once.
 */
@Component
class DayPlanSchedule {

	private static final Logger log = LoggerFactory.getLogger(DayPlanSchedule.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final DayPlans plans;

	private final PropertyDirectory property;

	private final Clock clock;

	private final List<String> projects;

	private final Duration every;

	private final DatabaseOutage outage;

	private final String instance = ManagementFactory.getRuntimeMXBean().getName();

	DayPlanSchedule(JdbcClient jdbc, TransactionTemplate transactions, DayPlans plans, PropertyDirectory property,
			Clock clock, @Value("${suxiu.dispatch.planner.replan.projects:}") List<String> projects,
			@Value("${suxiu.dispatch.planner.replan.every:PT5M}") Duration every, DatabaseOutage outage) {
		this.outage = outage;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.plans = plans;
		this.property = property;
		this.clock = clock;
		this.projects = projects.stream().filter(code -> !code.isBlank()).toList();
		this.every = every;
	}

	@Scheduled(fixedDelayString = "${suxiu.dispatch.planner.replan.poll:PT30S}", initialDelayString = "PT30S")
	void poll() {
		if (projects.isEmpty()) {
			return;
		}
		try {
			outage.run("day-plan-schedule", () -> replanDue(projects));
		}
		catch (RuntimeException ex) {
			log.error("Periodic day plans failed; retrying on the next poll", ex);
		}
	}

	/** Re-plans every listed project that is due; returns how many plans were stored. */
	int replanDue(List<String> codes) {
		Instant now = clock.instant();
		Map<Long, Project> byId = new LinkedHashMap<>();
		codes.stream().map(property::project).flatMap(Optional::stream).forEach(p -> byId.put(p.id(), p));
		for (long id : byId.keySet()) {
			jdbc.sql("INSERT INTO day_plan_schedule (project_id, next_run_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(id, Timestamp.from(now))
				.update();
		}
		int stored = 0;
		while (true) {
			// the claim commits before the solve: no transaction stays open for seconds
			// (live streams wait for older transactions), and the bumped next run keeps
			// other instances off this project
			Long claimed = transactions.execute(status -> claimDue(byId, now));
			if (claimed == null) {
				return stored;
			}
			stored += plans.propose(byId.get(claimed), "system", true) == null ? 0 : 1;
		}
	}

	/** The next due project, its next run moved on; {@code null} when none is due. */
	private Long claimDue(Map<Long, Project> projects, Instant now) {
		Optional<Long> due = jdbc.sql("""
				SELECT project_id FROM day_plan_schedule WHERE project_id = ANY(?) AND next_run_at <= ?
				ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED
				""").params(projects.keySet().toArray(Long[]::new), Timestamp.from(now)).query(Long.class).optional();
		if (due.isEmpty()) {
			return null;
		}
		jdbc.sql("UPDATE day_plan_schedule SET next_run_at = ?, last_run_at = ?, last_run_by = ? WHERE project_id = ?")
			.params(Timestamp.from(now.plus(every)), Timestamp.from(now), instance, due.get())
			.update();
		return due.get();
	}

}
