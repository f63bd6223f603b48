package org.suxiu.analytics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.complaint.ComplaintOpened;
import org.suxiu.shared.SuxiuProperties;

/**
 * Complaints in the roll-ups (投诉, for complaints per 1,000 homes and the scorecards):
 * each complaint opened is kept once in {@code analytics_complaint} with the dimensions
 * it is counted under — the order's grade and channel as analytics counted the order, its
 * category and technician from the event — and added to the roll-up rows of the day it
 * was opened. A repeated event counts nothing; a recount from scratch adds them back.
 */
@Component
class ComplaintCounts {

	private final JdbcClient jdbc;

	private final Rollups rollups;

	private final ZoneId zone;

	ComplaintCounts(JdbcClient jdbc, Rollups rollups, SuxiuProperties properties) {
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.zone = properties.zone();
	}

	/**
	 * One complaint's row.
	 *
	 * @param tenantId property company
	 * @param projectId project
	 * @param day the day it was opened, in the project's zone
	 * @param grade the order's grade, or {@code null}
	 * @param category the order's repair type, or {@code null}
	 * @param channel the order's channel, or {@code null}
	 * @param technicianId the order's technician, or {@code null}
	 */
	record Counted(long tenantId, long projectId, LocalDate day, String grade, String category, String channel,
			Long technicianId) {

		/** The roll-up rows it counts in, each with one complaint. */
		Map<RollupKey, Tally> parts() {
			Map<RollupKey, Tally> parts = new HashMap<>();
			put(parts, RollupKey.ALL, RollupKey.ALL);
			put(parts, "GRADE", grade);
			put(parts, "CATEGORY", category);
			put(parts, "CHANNEL", channel);
			put(parts, "TECHNICIAN", technicianId == null ? null : String.valueOf(technicianId));
			return parts;
		}

		private void put(Map<RollupKey, Tally> parts, String dimension, String value) {
			if (value != null) {
				parts.put(new RollupKey(tenantId, projectId, day, dimension, value),
						new Tally().add(Measure.COMPLAINTS, 1));
			}
		}

	}

	/** Counts a complaint the first time it is seen. */
	@Transactional(propagation = Propagation.REQUIRED)
	public void count(ComplaintOpened event) {
		Optional<String[]> order = event.number() == null ? Optional.empty()
				: jdbc.sql("SELECT grade, channel FROM analytics_order WHERE number = ?")
					.param(event.number())
					.query((rs, n) -> new String[] { rs.getString("grade"), rs.getString("channel") })
					.optional();
		Counted counted = new Counted(event.tenantId(), event.projectId(), LocalDate.ofInstant(event.at(), zone),
				order.map(o -> o[0]).orElse(null), event.category() == null ? null : event.category().name(),
				order.map(o -> o[1]).orElse(null), event.technicianId());
		int inserted = jdbc
			.sql("""
					INSERT INTO analytics_complaint (complaint_id, tenant_id, project_id, day, order_number, grade, category,
					    channel, technician_id)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (complaint_id) DO NOTHING
					""")
			.params(event.complaintId(), counted.tenantId(), counted.projectId(), Date.valueOf(counted.day()),
					event.number(), counted.grade(), counted.category(), counted.channel(), counted.technicianId())
			.update();
		if (inserted == 1) {
			rollups.add(counted.parts());
		}
	}

	/** Adds every complaint kept back into the roll-ups, after they were emptied. */
	@Transactional(propagation = Propagation.REQUIRED)
	public void addAll() {
		List<Counted> all = jdbc
			.sql("SELECT tenant_id, project_id, day, grade, category, channel, technician_id FROM analytics_complaint")
			.query((rs, n) -> new Counted(rs.getLong("tenant_id"), rs.getLong("project_id"),
					rs.getDate("day").toLocalDate(), rs.getString("grade"), rs.getString("category"),
					rs.getString("channel"), (Long) rs.getObject("technician_id")))
			.list();
		Map<RollupKey, Tally> sums = new HashMap<>();
		all.forEach(c -> c.parts().forEach((key, part) -> sums.computeIfAbsent(key, k -> new Tally()).plus(part, 1)));
		rollups.add(sums);
	}

}
