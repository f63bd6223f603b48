package org.suxiu.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.Project;
import org.suxiu.workorder.PastOrder;
import org.suxiu.workorder.WorkOrders;

/**
 * SLA figures of a project for a period, straight from the clocks: per grade and clock
 * the share of promises kept, and the mean and 90th percentile minutes to respond and
 * arrive; for lift entrapments the minutes from the report until the people were freed;
 * and the first-time-fix rate of the repairs completed in the period.
 */
@Service
public class SlaSummaries {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final WorkOrders orders;

	SlaSummaries(JdbcClient jdbc, Clock clock, WorkOrders orders) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.orders = orders;
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
		return new Summary(project.code(), from, to, grades,
				Rescues.of(orders.entrapmentsReportedBetween(project.id(), from.toInstant(), to.toInstant())),
				FirstTimeFix.of(orders.fixesBetween(project.id(), from.toInstant(), to.toInstant())));
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	/**
	 * @param projectCode the project
	 * @param from start of the period
	 * @param to end of the period (exclusive)
	 * @param grades per grade, per clock (respond, arrive, complete)
	 * @param rescues lift entrapments reported in the period and how soon people were
	 * freed
	 * @param firstTimeFix the repairs completed in the period that needed no rework
	 */
	public record Summary(String projectCode, OffsetDateTime from, OffsetDateTime to,
			Map<String, Map<String, ClockFigures>> grades, Rescues rescues, FirstTimeFix firstTimeFix) {
	}

	/**
	 * Time to rescue (报修→被困人员已解救) of the lift emergencies (L1 ELEVATOR) reported in a
	 * period.
	 *
	 * @param entrapments lift emergencies reported, cancelled ones left out
	 * @param rescued how many of them have their rescue recorded
	 * @param meanMinutes mean minutes from the report to the rescue, or {@code null}
	 * without any
	 * @param p90Minutes 90th percentile of the same (interpolated as PostgreSQL's
	 * {@code percentile_cont}), or {@code null}
	 */
	public record Rescues(long entrapments, long rescued, Double meanMinutes, Double p90Minutes) {

		static Rescues of(List<PastOrder> entrapments) {
			double[] minutes = entrapments.stream()
				.filter(o -> o.rescuedAt() != null)
				.mapToDouble(o -> Duration.between(o.reportedAt(), o.rescuedAt()).toSeconds() / 60.0)
				.sorted()
				.toArray();
			if (minutes.length == 0) {
				return new Rescues(entrapments.size(), 0, null, null);
			}
			double mean = Arrays.stream(minutes).average().orElseThrow();
			double rank = 0.9 * (minutes.length - 1);
			int below = (int) Math.floor(rank);
			int above = Math.min(below + 1, minutes.length - 1);
			double p90 = minutes[below] + (rank - below) * (minutes[above] - minutes[below]);
			return new Rescues(entrapments.size(), minutes.length, round(mean), round(p90));
		}

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
