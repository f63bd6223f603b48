package org.suxiu.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.Project;

/**
 * SLA figures of a project for a period, straight from the clocks: per grade and clock
 * the share of promises kept, and the mean and 90th percentile minutes to respond and
 * arrive.
 */
@Service
public class SlaSummaries {

	private final JdbcClient jdbc;

	private final Clock clock;

	SlaSummaries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Summary summary(Project project, OffsetDateTime from, OffsetDateTime to) {
		Map<String, Map<String, ClockFigures>> grades = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT grade, clock, count(*) AS n,
				    count(*) FILTER (WHERE met_at IS NOT NULL AND met_at <= deadline) AS met,
				    count(*) FILTER (WHERE (met_at IS NOT NULL AND met_at > deadline)
				        OR (met_at IS NULL AND deadline < :now)) AS missed,
				    avg(extract(epoch FROM met_at - started_at) / 60) FILTER (WHERE met_at IS NOT NULL) AS mean,
				    percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM met_at - started_at) / 60)
				        FILTER (WHERE met_at IS NOT NULL) AS p90
				FROM sla_clock
				WHERE project_id = :project AND started_at >= :from AND started_at < :to AND state <> 'CANCELLED'
				GROUP BY grade, clock ORDER BY grade, clock
				""")
			.param("now", Timestamp.from(clock.instant()))
			.param("project", project.id())
			.param("from", Timestamp.from(from.toInstant()))
			.param("to", Timestamp.from(to.toInstant()))
			.query((rs, n) -> {
				long met = rs.getLong("met");
				long missed = rs.getLong("missed");
				Double mean = rs.getObject("mean") == null ? null : round(rs.getDouble("mean"));
				Double p90 = rs.getObject("p90") == null ? null : round(rs.getDouble("p90"));
				grades.computeIfAbsent(rs.getString("grade"), g -> new LinkedHashMap<>())
					.put(rs.getString("clock"), new ClockFigures(rs.getLong("n"), met, missed,
							met + missed == 0 ? null : round((double) met / (met + missed)), mean, p90));
				return null;
			})
			.list();
		return new Summary(project.code(), from, to, grades);
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	/**
	 * @param projectCode the project
	 * @param from start of the period
	 * @param to end of the period (exclusive)
	 * @param grades per grade, per clock (respond, arrive, complete)
	 */
	public record Summary(String projectCode, OffsetDateTime from, OffsetDateTime to,
			Map<String, Map<String, ClockFigures>> grades) {
	}

	/**
	 * @param orders clocks counted
	 * @param met milestones reached in time
	 * @param missed milestones reached late, or deadlines passed without them
	 * @param metShare met ÷ (met + missed); clocks still running in time are not counted
	 * yet
	 * @param meanMinutes mean minutes from start to milestone
	 * @param p90Minutes 90th percentile of the same
	 */
	public record ClockFigures(long orders, long met, long missed, Double metShare, Double meanMinutes,
			Double p90Minutes) {
	}

}
