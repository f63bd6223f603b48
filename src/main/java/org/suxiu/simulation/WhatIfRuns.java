package org.suxiu.simulation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * What-if replays for the manager's page, run in the background so no request waits for
 * them: a run is a row (asked for on one instance, read from any), replayed on one worker
 * thread, its answer stored as JSON. A run whose instance stopped midway reads as failed
 * after {@link #ABANDONED}.
 */
@Service
public class WhatIfRuns {

	/** A run still not finished after this long is taken as lost. */
	static final Duration ABANDONED = Duration.ofMinutes(30);

	private static final Logger log = LoggerFactory.getLogger(WhatIfRuns.class);

	private static final List<Role> PLANNERS = List.of(Role.MANAGER, Role.SUPERVISOR, Role.ADMIN);

	private final WhatIf whatIf;

	private final PropertyDirectory property;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json = SimulateCommand.mapper();

	/**
	 * One replay at a time, two waiting: a replay takes a core for seconds to minutes.
	 */
	private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(2), runnable -> {
				Thread thread = new Thread(runnable, "what-if");
				thread.setDaemon(true);
				return thread;
			});

	WhatIfRuns(WhatIf whatIf, PropertyDirectory property, JdbcClient jdbc, Clock clock) {
		this.whatIf = whatIf;
		this.property = property;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Where a run stands. */
	public enum Progress {

		RUNNING, DONE, FAILED

	}

	/**
	 * A run as its page reads it.
	 *
	 * @param id run id
	 * @param projectCode project
	 * @param from first day
	 * @param to last day
	 * @param extra technicians added
	 * @param progress where it stands
	 * @param startedAt when it was asked for
	 * @param finishedAt when it ended, or null
	 * @param result the answer when done
	 */
	public record Run(UUID id, String projectCode, LocalDate from, LocalDate to, int extra, Progress progress,
			Instant startedAt, Instant finishedAt, WhatIf.Result result) {
	}

	/**
	 * Checks the request and starts the replay in the background.
	 * @throws BusinessRuleViolation {@code what-if-busy} when replays are already queued
	 */
	public UUID start(Actor actor, String code, LocalDate from, LocalDate to, int extra) {
		Project project = project(actor, code);
		WhatIf.check(from, to, extra);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO what_if_run (id, tenant_id, project_code, from_day, to_day, extra, requested_by, status,
				    started_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?)
				""")
			.params(id, project.tenantId(), project.code(), from, to, extra, actor.username(),
					Timestamp.from(clock.instant()))
			.update();
		try {
			worker.execute(() -> replay(id, project, from, to, extra));
		}
		catch (RejectedExecutionException busy) {
			finish(id, Progress.FAILED, null, "busy");
			throw new BusinessRuleViolation("what-if-busy", "Other replays are running; try again in a minute");
		}
		return id;
	}

	/** The run, if it is the person's tenant's. */
	public Optional<Run> find(Actor actor, UUID id) {
		if (!PLANNERS.contains(actor.role())) {
			throw new Forbidden("What-if replays are for managers, supervisors and administrators");
		}
		Instant now = clock.instant();
		return jdbc.sql("""
				SELECT project_code, from_day, to_day, extra, status, started_at, finished_at, result
				FROM what_if_run WHERE id = ? AND tenant_id = ?
				""").params(id, actor.tenantId()).query((rs, n) -> {
			Instant started = rs.getTimestamp(6).toInstant();
			Progress progress = Progress.valueOf(rs.getString(5));
			if (progress == Progress.RUNNING && started.plus(ABANDONED).isBefore(now)) {
				progress = Progress.FAILED;
			}
			String result = rs.getString(8);
			return new Run(id, rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
					rs.getInt(4), progress, started, rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
					result == null ? null : json.readValue(result, WhatIf.Result.class));
		}).optional();
	}

	private void replay(UUID id, Project project, LocalDate from, LocalDate to, int extra) {
		try {
			WhatIf.Result result = whatIf.run(project, from, to, extra, WhatIf.POLICIES);
			finish(id, Progress.DONE, json.writeValueAsString(result), null);
		}
		catch (RuntimeException failed) {
			log.warn("What-if replay {} failed", id, failed);
			finish(id, Progress.FAILED, null, String.valueOf(failed.getMessage()));
		}
	}

	private void finish(UUID id, Progress progress, String result, String error) {
		jdbc.sql("UPDATE what_if_run SET status = ?, finished_at = ?, result = ?, error = ? WHERE id = ?")
			.params(progress.name(), Timestamp.from(clock.instant()), result, error, id)
			.update();
	}

	private Project project(Actor actor, String code) {
		if (!PLANNERS.contains(actor.role())) {
			throw new Forbidden("What-if replays are for managers, supervisors and administrators");
		}
		return property.project(code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
	}

	/** Stops at once on shutdown: a replay holds nothing that needs finishing. */
	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

}
