package org.suxiu.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.suxiu.dispatch.NotProposed;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrderView;

/**
 * Why a technician is not among the proposals, in words a dispatcher reads at a glance:
 * each skilled technician on a line of their own ("王师傅：休息中，明天08:00上班"), the current
 * assignee who has not answered, and those without the skill on one line; technicians of
 * other projects are left out.
 *
 * @param name who, or {@code null} for the line that lists several
 * @param reason why, in words
 */
record WhyNotWords(String name, String reason) {

	static List<WhyNotWords> of(List<NotProposed> left, WorkOrderView order, Words words, ZoneId zone) {
		List<WhyNotWords> lines = new ArrayList<>();
		if (order.assignee() != null && order.status() == Status.DISPATCHED) {
			lines.add(new WhyNotWords(order.assignee().name(), words.msg("notProposed.assignee")));
		}
		List<String> unskilled = new ArrayList<>();
		for (NotProposed n : left) {
			if (order.assignee() != null && n.technicianId() == order.assignee().id()) {
				continue;
			}
			switch (n.reason()) {
				case NO_SKILL -> unskilled.add(n.name());
				case OTHER_PROJECT -> {
				}
				case FULL -> lines
					.add(new WhyNotWords(n.name(), words.msg("notProposed.FULL", n.jobsInHand(), n.maxOpenJobs())));
				case OFF_SHIFT,
						ON_CALL_URGENT_ONLY ->
					lines.add(new WhyNotWords(n.name(),
							n.nextShift() == null ? words.msg("notProposed." + n.reason())
									: words.msg("notProposed." + n.reason() + ".next",
											words.when(n.nextShift().atZone(zone).toOffsetDateTime()))));
				default -> lines.add(new WhyNotWords(n.name(), words.msg("notProposed." + n.reason())));
			}
		}
		if (!unskilled.isEmpty()) {
			lines.add(new WhyNotWords(null, words.msg("notProposed.NO_SKILL.list", String.join("、", unskilled))));
		}
		return lines;
	}

}
