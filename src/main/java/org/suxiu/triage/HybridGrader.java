package org.suxiu.triage;

import java.util.List;
import java.util.Optional;

import org.suxiu.shared.Grade;
import org.suxiu.triage.RuleEngine.FloorMatch;
import org.suxiu.triage.RuleEngine.RuleVerdict;
import org.suxiu.triage.model.NearestExemplars.Vote;

/**
 * Combines the tenant's phrase rules, the sentence model's vote and the safety floors
 * asymmetrically: a missed emergency costs far more than a false alarm, so the more
 * urgent signal wins, and the model's emergency probability alone raises the grade once
 * it passes a threshold chosen on the training part for L1 recall.
 */
final class HybridGrader {

	private final Thresholds thresholds;

	HybridGrader(Thresholds thresholds) {
		this.thresholds = thresholds;
	}

	TriageResult combine(RuleVerdict rules, Optional<FloorMatch> floor, Vote vote) {
		Grade grade;
		boolean uncertain = false;
		if (vote == null) {
			grade = rules.grade();
		}
		else {
			Grade model = vote.likeliest();
			grade = model;
			if (rules.byPhrase() && rules.grade().isMoreUrgentThan(model)
					&& rules.grade().ordinal() <= thresholds.trustRulesUpTo().ordinal()) {
				grade = rules.grade();
			}
			if (vote.probability(Grade.L1) >= thresholds.l1() && Grade.L1.isMoreUrgentThan(grade)) {
				grade = Grade.L1;
			}
			else if (vote.probability(Grade.L1) + vote.probability(Grade.L2) >= thresholds.l2()
					&& Grade.L2.isMoreUrgentThan(grade)) {
				grade = Grade.L2;
			}
			uncertain = grade != model || (rules.byPhrase() && rules.grade() != model)
					|| vote.probability(model) < thresholds.confident();
		}
		TriageResult.AppliedFloor applied = null;
		if (floor.isPresent()) {
			FloorMatch f = floor.get();
			applied = new TriageResult.AppliedFloor(f.grade(), f.phrase(), f.reason());
			grade = f.grade().isMoreUrgentThan(grade) ? f.grade() : grade;
		}
		List<TriageResult.Neighbour> neighbours = vote == null ? List.of() : vote.neighbours()
			.stream()
			.map(n -> new TriageResult.Neighbour(n.text(), n.grade(), Math.round(n.similarity() * 1000) / 1000.0))
			.toList();
		return new TriageResult(grade, rules.matched(), uncertain, rules.grade(), applied,
				vote == null ? java.util.Map.of() : vote.probabilities(), neighbours);
	}

	/**
	 * Where the model overrules and where the rules are trusted.
	 *
	 * @param l1 the model's L1 probability from which the grade is L1
	 * @param l2 the model's L1 + L2 probability from which the grade is at least L2
	 * @param confident below this probability for its likeliest grade the vote is weak
	 * and the order is marked uncertain
	 * @param trustRulesUpTo phrase rules more urgent than the model win up to this grade
	 */
	record Thresholds(double l1, double l2, double confident, Grade trustRulesUpTo) {

		/** Chosen on the training part (README, Triage). */
		static final Thresholds SHIPPED = new Thresholds(0.30, 0.60, 0.6, Grade.L1);

	}

}
