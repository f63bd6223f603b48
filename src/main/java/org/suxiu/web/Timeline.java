package org.suxiu.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.suxiu.workorder.WorkOrderView;
import org.suxiu.workorder.WorkOrderView.HistoryView;

/**
 * An order's history told to its owner: each step in words (a message key and its
 * arguments), without the internal lines (SLA warnings, escalations, overrides).
 */
final class Timeline {

	private static final Set<String> SHOWN = Set.of("create", "regrade", "dispatch", "take", "decline", "hand-back",
			"arrive", "rescue", "start", "hold", "resume", "complete", "accept", "reopen", "follow-up", "cancel",
			"reschedule", "auto-accept", "quote", "await-owner", "quote-approve", "quote-refuse", "payment",
			"stock-issue", "stock-return", "close", "complaint-open", "complaint-respond", "complaint-resolve",
			"complaint-close", "hurry", "checklist");

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private Timeline() {
	}

	/**
	 * One step.
	 *
	 * @param at when
	 * @param key the message key, {@code timeline.<action>}
	 * @param args its arguments
	 */
	record Step(OffsetDateTime at, String key, List<Object> args) {
	}

	/**
	 * The steps; an owner ({@code promise} not {@code null}) reads the promise where
	 * staff read the grade.
	 */
	static List<Step> of(WorkOrderView order, ZoneId zone, String promise, Words words) {
		List<Step> steps = new ArrayList<>();
		String technician = order.assignee() == null ? "" : order.assignee().name();
		for (HistoryView line : order.history()) {
			if (!SHOWN.contains(line.action()) || (promise != null && "regrade".equals(line.action()))) {
				continue;
			}
			String key = "timeline." + line.action();
			if ("create".equals(line.action()) && promise != null) {
				key = promise.isEmpty() ? "timeline.create.plain" : "timeline.create.owner";
			}
			List<Object> args = switch (line.action()) {
				case "create" -> List.of(promise != null ? promise : gradeWord(order.grade().name(), words));
				case "hold" -> List.of(holdReason(line.note()));
				case "regrade" -> List.of(gradeWord(line.to(), words));
				case "dispatch", "arrive", "start", "complete" -> List.of(technician(line, technician));
				case "take" -> List.of(technician,
						order.deadlines().arriveBy() == null ? "" : order.deadlines().arriveBy().format(HH_MM));
				case "reschedule" -> List.of(windowEnd(line.to(), zone));
				case "hurry" -> List.of(nullToEmpty(line.to()));
				case "rescue" -> List.of(technician(line, technician),
						words.minutes(Duration.between(order.reportedAt(), line.at()).toMinutes()));
				default -> List.of(nullToEmpty(line.note()));
			};
			steps.add(new Step(line.at(), key, args));
		}
		return steps;
	}

	private static String technician(HistoryView line, String current) {
		if ("dispatch".equals(line.action()) && line.note() != null && line.note().startsWith("→ ")) {
			int end = line.note().indexOf(';');
			return line.note().substring(2, end > 0 ? end : line.note().length()).trim();
		}
		if (line.note() != null && line.note().contains("auto-dispatch → ")) {
			String rest = line.note().substring(line.note().indexOf("→ ") + 2);
			int end = rest.indexOf(';');
			return end > 0 ? rest.substring(0, end) : rest;
		}
		return current;
	}

	/** A reschedule line's {@code to} is {@code from/to}; people want the latest time. */
	private static String windowEnd(String window, ZoneId zone) {
		if (window == null || !window.contains("/")) {
			return nullToEmpty(window);
		}
		String end = window.substring(window.indexOf('/') + 1);
		try {
			OffsetDateTime at = OffsetDateTime.parse(end);
			return at.atZoneSameInstant(zone).format(DAY_TIME);
		}
		catch (RuntimeException ex) {
			return end;
		}
	}

	private static String gradeWord(String grade, Words words) {
		return grade == null ? "" : words.msg("grade." + grade) + " " + grade;
	}

	/**
	 * A hold's note starts with its code ({@code WAITING_PARTS 等配件 …}); people read the
	 * words.
	 */
	private static String holdReason(String note) {
		return nullToEmpty(note).replaceFirst("^[A-Z_]{3,}\\s*", "");
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
