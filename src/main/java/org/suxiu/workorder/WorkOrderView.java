package org.suxiu.workorder;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * An order as the API and the pages show it to one caller: phone numbers masked unless
 * their role needs them, deadlines as the SLA engine keeps them. {@code probableRework}
 * is true while the system's rework flag waits for a person ({@code reworkCheck} says how
 * it was judged; {@code reworkOf} names the earlier order); {@code assetId} names the
 * equipment at fault, if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkOrderView(String number, Status status, Grade grade, GradeSource gradeSource, boolean gradeUncertain,
		JsonNode gradeExplanation, Category category, Channel channel, String description, LocationView location,
		Reporter reporter, AssigneeView assignee, OffsetDateTime reportedAt, OffsetDateTime createdAt,
		OffsetDateTime updatedAt, Deadlines deadlines, Map<String, ClockView> sla, Appointment appointment,
		String resolution, Integer rating, String ratingComment, Boolean satisfied, String reworkOf,
		String reworkNumber, boolean probableRework, ReworkCheck reworkCheck, OffsetDateTime rescuedAt,
		List<HistoryView> history, int version, Long assetId) {

	/** A lift emergency, where people may be trapped and freeing them is recorded. */
	@JsonIgnore
	public boolean isEntrapment() {
		return grade == Grade.L1 && category == Category.ELEVATOR;
	}

	/** The instant in the zone, or {@code null}. */
	public static OffsetDateTime at(Instant instant, ZoneId zone) {
		return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record LocationView(String projectCode, String projectName, String building, String unit, String room,
			String area, String label) {

	}

	public record AssigneeView(long id, String name, String phone) {
	}

	/**
	 * Promised times, as the SLA engine set them; {@code null} where a grade promises
	 * nothing.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Deadlines(OffsetDateTime respondBy, OffsetDateTime arriveBy, OffsetDateTime completeBy) {

		public static Deadlines of(List<SlaSnapshot> clocks, ZoneId zone) {
			return new Deadlines(deadline(clocks, "respond", zone), deadline(clocks, "arrive", zone),
					deadline(clocks, "complete", zone));
		}

		private static OffsetDateTime deadline(List<SlaSnapshot> clocks, String clock, ZoneId zone) {
			return at(SlaSnapshot.deadlineOf(clocks, clock), zone);
		}

	}

	/**
	 * One SLA clock as a person reads it: due when, how long it has run, and how early or
	 * late.
	 *
	 * @param deadline when it is due
	 * @param elapsedMinutes minutes from its start to its milestone, or to now while it
	 * runs
	 * @param state RUNNING, MET, BREACHED, PAUSED or CANCELLED
	 * @param minutesEarly positive when met (or still running) ahead of the deadline
	 * @param minutesLate positive when the deadline passed before the milestone
	 */
	public record ClockView(OffsetDateTime deadline, long elapsedMinutes, String state, Long minutesEarly,
			Long minutesLate) {

		public static Map<String, ClockView> of(List<SlaSnapshot> clocks, ZoneId zone, Instant now) {
			Map<String, ClockView> views = new LinkedHashMap<>();
			for (SlaSnapshot clock : clocks) {
				Instant end = clock.metAt() != null ? clock.metAt() : now;
				long elapsed = Duration.between(clock.startedAt(), end).toMinutes();
				long slack = Duration.between(end, clock.deadline()).toMinutes();
				String state = clock.state();
				if ("RUNNING".equals(state) && now.isAfter(clock.deadline())) {
					state = "BREACHED";
				}
				if ("MET".equals(state) && clock.metAt().isAfter(clock.deadline())) {
					state = "BREACHED";
				}
				boolean late = end.isAfter(clock.deadline());
				views.put(clock.clock(), new ClockView(at(clock.deadline(), zone), Math.max(0, elapsed), state,
						late ? null : slack, late ? -slack : null));
			}
			return views;
		}

	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record HistoryView(OffsetDateTime at, String action, String actor, String role, String from, String to,
			String note, String channel, String clock) {

		public static HistoryView of(HistoryEntry entry, ZoneId zone) {
			return new HistoryView(WorkOrderView.at(entry.at(), zone), entry.action(), entry.actor(), entry.role(),
					entry.from(), entry.to(), entry.note(), entry.channel(), entry.clock());
		}

	}

}
