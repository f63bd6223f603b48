package org.suxiu.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.suxiu.dispatch.DayPlanView;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * A day plan in words for the supervisor's page: per technician the work already in hand
 * beside what the plan adds, each stop with its arrival, travel from the stop before and
 * whether it keeps the promise; then what could not be planned and why.
 *
 * @param technicians one row per technician
 * @param unplanned orders left out
 */
record DayPlanRows(List<TechnicianRow> technicians, List<Left> unplanned) {

	/**
	 * @param name the technician
	 * @param inHand stops already theirs (dispatched or taken before the plan)
	 * @param planned stops the plan adds
	 */
	record TechnicianRow(String name, List<StopRow> inHand, List<StopRow> planned) {
	}

	/**
	 * One stop in words.
	 *
	 * @param number order number
	 * @param grade grade
	 * @param category repair type
	 * @param arrival when the technician gets there ("10:30")
	 * @param finish when the work should be done
	 * @param travel travel from the stop before ("路上约12分钟"), empty for the first
	 * @param lateness the promise kept or missed ("比时限早40分钟", "晚到15分钟"), empty if none
	 * @param late whether the promised arrival is missed
	 * @param outcome after apply: "已派出", "未派：…", else empty
	 */
	record StopRow(String number, Grade grade, Category category, String arrival, String finish, String travel,
			String lateness, boolean late, String outcome) {
	}

	/**
	 * @param number order number
	 * @param grade grade
	 * @param category repair type
	 * @param reason why, in the page's language
	 */
	record Left(String number, Grade grade, Category category, String reason) {
	}

	static DayPlanRows of(DayPlanView plan, Words words) {
		List<TechnicianRow> rows = new ArrayList<>();
		for (DayPlanView.Route route : plan.routes()) {
			List<StopRow> inHand = new ArrayList<>();
			List<StopRow> planned = new ArrayList<>();
			OffsetDateTime previous = null;
			for (DayPlanView.Stop stop : route.stops()) {
				StopRow row = row(stop, previous, words);
				(stop.pinned() ? inHand : planned).add(row);
				previous = stop.plannedFinish();
			}
			rows.add(new TechnicianRow(route.name(), inHand, planned));
		}
		List<Left> left = plan.unplanned()
			.stream()
			.map(u -> new Left(u.number(), u.grade(), u.category(), words.plain(u.reason())))
			.toList();
		return new DayPlanRows(rows, left);
	}

	private static StopRow row(DayPlanView.Stop stop, OffsetDateTime previous, Words words) {
		String travel = previous == null || stop.plannedArrival() == null ? ""
				: words.msg("dayplan.travel", words.span(positive(previous, stop.plannedArrival())));
		String lateness = "";
		boolean late = false;
		if (stop.arriveBy() != null && stop.plannedArrival() != null) {
			Duration margin = Duration.between(stop.plannedArrival(), stop.arriveBy());
			late = margin.isNegative();
			lateness = late ? words.msg("dayplan.late", words.span(margin))
					: words.msg("dayplan.early", words.span(margin), words.when(stop.arriveBy()));
		}
		return new StopRow(stop.number(), stop.grade(), stop.category(), words.when(stop.plannedArrival()),
				words.when(stop.plannedFinish()), travel, lateness, late, outcome(stop, words));
	}

	private static String outcome(DayPlanView.Stop stop, Words words) {
		if (stop.outcome() == null) {
			return "";
		}
		if ("DISPATCHED".equals(stop.outcome())) {
			return words.msg("dayplan.dispatched");
		}
		return words.msg("dayplan.skipped", reason(stop.outcomeNote(), words));
	}

	/** A skip's note: "状态已变 status …" in the page's language, a refusal by its type. */
	private static String reason(String note, Words words) {
		if (note == null) {
			return "";
		}
		int colon = note.indexOf(": ");
		if (colon > 0 && note.substring(0, colon).matches("[a-z-]+")) {
			String key = "problem." + note.substring(0, colon);
			String text = words.msg(key);
			return text.equals(key) ? words.msg("dayplan.refused") : text;
		}
		return words.plain(note);
	}

	private static Duration positive(OffsetDateTime from, OffsetDateTime to) {
		Duration between = Duration.between(from, to);
		return between.isNegative() ? Duration.ZERO : between;
	}

}
