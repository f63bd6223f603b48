package org.suxiu.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.suxiu.shared.Grade;

/**
 * The grade given to a description, and why.
 *
 * @param grade the grade
 * @param matched the rule phrases behind the rules' grade; empty when a default decided
 * @param uncertain the signals disagree (rules against model, a weak vote, or an
 * emergency threshold overruling the likeliest grade): a person should confirm it
 * @param ruleGrade what the tenant's phrase rules alone say
 * @param floor the safety floor that applied, or null
 * @param probabilities the model's probability per grade; empty with the model off
 * @param neighbours the three nearest labelled exemplars; empty with the model off
 */
public record TriageResult(Grade grade, List<String> matched, boolean uncertain, Grade ruleGrade, AppliedFloor floor,
		Map<Grade, Double> probabilities, List<Neighbour> neighbours) {

	/** A rules-only result (the model switched off). */
	public TriageResult(Grade grade, List<String> matched) {
		this(grade, matched, false, grade, null, Map.of(), List.of());
	}

	/** One line for the order's history. */
	public String explanation() {
		List<String> parts = new ArrayList<>();
		parts.add(matched.isEmpty() ? "默认等级 default grade" : "关键词 keywords: " + String.join(", ", matched));
		if (!probabilities.isEmpty()) {
			StringBuilder model = new StringBuilder("模型 model:");
			for (Grade g : Grade.values()) {
				model.append(' ')
					.append(g)
					.append(' ')
					.append(Math.round(100 * probabilities.getOrDefault(g, 0.0)))
					.append('%');
			}
			parts.add(model.toString());
		}
		if (floor != null) {
			parts.add("安全下限 floor " + floor.grade() + ": " + floor.reason());
		}
		if (uncertain) {
			parts.add("待确认 uncertain");
		}
		return String.join("; ", parts);
	}

	/**
	 * A safety floor that raised or held the grade.
	 *
	 * @param grade the least urgent grade it allows
	 * @param phrase the phrase that matched
	 * @param reason its documented reason
	 */
	public record AppliedFloor(Grade grade, String phrase, String reason) {
	}

	/**
	 * A labelled exemplar close to the description.
	 *
	 * @param text its description
	 * @param grade its grade
	 * @param similarity cosine similarity, 0..1
	 */
	public record Neighbour(String text, Grade grade, double similarity) {
	}

}
