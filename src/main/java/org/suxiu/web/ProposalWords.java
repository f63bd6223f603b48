package org.suxiu.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.suxiu.dispatch.Proposal;

/**
 * A proposal told as a dispatcher would say it: one summary sentence, the details as
 * sentences, and why it is not the first choice, read from the recommender's breakdown
 * (never its raw {@code true}, {@code ON_CALL} or {@code []}).
 *
 * @param proposal the proposal
 * @param summary "约4分钟到场，路上2分钟，手上没有工单，技能5级"
 * @param details the remaining figures in words
 * @param whyNotFirst why the first proposal is better; empty for the first
 */
record ProposalWords(Proposal proposal, String summary, List<String> details, List<String> whyNotFirst) {

	/**
	 * Minutes more on the road than the first proposal that make "too far" worth saying.
	 */
	static final long FAR = 5;

	static List<ProposalWords> of(List<Proposal> proposals, Words words) {
		List<ProposalWords> told = new ArrayList<>();
		for (int i = 0; i < proposals.size(); i++) {
			Proposal p = proposals.get(i);
			told.add(new ProposalWords(p, summary(p.reasons(), words), details(p.reasons(), words),
					i == 0 ? List.of() : whyNotFirst(p, proposals.get(0), words)));
		}
		return told;
	}

	private static String summary(Map<String, Object> r, Words words) {
		long jobs = number(r.get("jobsInHand"));
		String inHand = jobs == 0 ? words.msg("proposal.free") : words.msg("proposal.jobs", jobs);
		return words.msg("proposal.summary", words.minutes(number(r.get("etaMinutes"))),
				words.minutes(number(r.get("travelMinutes"))), inHand, number(r.get("skillLevel")));
	}

	private static List<String> details(Map<String, Object> r, Words words) {
		List<String> lines = new ArrayList<>();
		Object slack = r.get("slackMinutes");
		if (slack != null) {
			long minutes = number(slack);
			lines.add(minutes >= 0 ? words.msg("proposal.slack", words.minutes(minutes))
					: words.msg("proposal.late", words.minutes(-minutes)));
		}
		if (r.get("distanceKm") != null && Boolean.TRUE.equals(r.get("positionKnown"))) {
			lines.add(words.msg("proposal.distance", r.get("distanceKm")));
		}
		else {
			lines.add(words.msg("proposal.positionUnknown"));
		}
		long busy = number(r.get("busyMinutes"));
		if (busy > 0) {
			lines.add(words.msg("proposal.busy", words.minutes(busy)));
		}
		lines.add(words.msg("ON_CALL".equals(r.get("shift")) ? "proposal.onCall" : "proposal.regular"));
		if (r.get("preempts") != null) {
			lines.add(words.msg("proposal.preempts", r.get("preempts")));
		}
		if (r.get("delays") instanceof Collection<?> delayed && !delayed.isEmpty()) {
			lines.add(words.msg("proposal.delays", delayed.size(),
					String.join("、", delayed.stream().map(String::valueOf).toList())));
		}
		long broken = number(r.get("brokenPromises"));
		if (broken > 0) {
			lines.add(words.msg("proposal.broken", broken));
		}
		if (Boolean.TRUE.equals(r.get("afterShiftEnd"))) {
			lines.add(words.msg("proposal.afterShift"));
		}
		if (r.get("wakeUpMinutes") != null) {
			lines.add(words.msg("proposal.wakeUp", words.minutes(number(r.get("wakeUpMinutes")))));
		}
		if (r.get("handOver") instanceof Collection<?> moves) {
			for (Object move : moves) {
				if (move instanceof Map<?, ?> m) {
					lines.add(m.get("name") == null ? words.msg("proposal.handOverNobody", m.get("order"))
							: words.msg("proposal.handOver", m.get("order"), m.get("name"),
									words.minutes(number(m.get("etaMinutes")))));
				}
			}
		}
		if (r.get("surge") instanceof Map<?, ?> surge) {
			lines.add(words.msg("proposal.surge", surge.get("openEmergencies"), surge.get("freeQualified"),
					surge.get("shortfall")));
		}
		return lines;
	}

	private static List<String> whyNotFirst(Proposal p, Proposal first, Words words) {
		Map<String, Object> r = p.reasons();
		Map<String, Object> best = first.reasons();
		List<String> why = new ArrayList<>();
		long later = p.etaMinutes() - first.etaMinutes();
		if (later > 0) {
			why.add(words.msg("proposal.why.later", words.minutes(later)));
		}
		long fartherAway = number(r.get("travelMinutes")) - number(best.get("travelMinutes"));
		if (fartherAway >= FAR) {
			why.add(words.msg("proposal.why.far", words.minutes(fartherAway)));
		}
		long moreJobs = number(r.get("jobsInHand")) - number(best.get("jobsInHand"));
		if (moreJobs > 0) {
			why.add(words.msg("proposal.why.jobs", moreJobs));
		}
		long lowerSkill = number(best.get("skillLevel")) - number(r.get("skillLevel"));
		if (lowerSkill > 0) {
			why.add(words.msg("proposal.why.skill", number(r.get("skillLevel")), number(best.get("skillLevel"))));
		}
		if (Boolean.TRUE.equals(r.get("afterShiftEnd"))) {
			why.add(words.msg("proposal.afterShift"));
		}
		if (number(r.get("brokenPromises")) > 0) {
			why.add(words.msg("proposal.why.broken"));
		}
		if (r.get("preempts") != null) {
			why.add(words.msg("proposal.preempts", r.get("preempts")));
		}
		if ("ON_CALL".equals(r.get("shift")) && !"ON_CALL".equals(best.get("shift"))) {
			why.add(words.msg("proposal.why.onCall"));
		}
		if (why.isEmpty()) {
			why.add(words.msg("proposal.why.overall"));
		}
		return why;
	}

	private static long number(Object value) {
		return value instanceof Number n ? Math.round(n.doubleValue()) : 0;
	}

}
