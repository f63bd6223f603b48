package org.suxiu.triage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * A compiled, immutable {@link TriageRules} document: grades one description without
 * touching the database.
 */
final class RuleEngine {

	/**
	 * Splits clauses at punctuation, keeping a question mark at the end of its clause.
	 */
	private static final Pattern CLAUSE_BREAK = Pattern.compile("(?<=[?？])|[，。！；,.!;、\\n\\r\\t]+");

	/**
	 * How far back from a phrase (in characters of the same clause) a negation counts by
	 * default.
	 */
	private static final int NEGATION_REACH = 4;

	private final TriageRules rules;

	private final List<Negation> negations;

	RuleEngine(TriageRules rules) {
		this.rules = rules;
		this.negations = rules.negations().stream().map(Negation::parse).toList();
	}

	TriageRules rules() {
		return rules;
	}

	RuleVerdict grade(Category category, String description) {
		List<String> clauses = clauses(description);
		Map<Grade, Double> strength = new EnumMap<>(Grade.class);
		Map<Grade, Set<String>> matched = new EnumMap<>(Grade.class);
		for (TriageRules.Rule rule : rules.rules()) {
			// Without a category the phrases decide: better too urgent than too late.
			if (!applies(rule.categories(), category)) {
				continue;
			}
			for (String phrase : rule.phrases()) {
				if (matches(clauses, normalise(phrase))) {
					strength.merge(rule.grade(), rule.weight(), Math::max);
					matched.computeIfAbsent(rule.grade(), g -> new LinkedHashSet<>()).add(phrase);
				}
			}
		}
		Grade best = null;
		for (Grade grade : Grade.values()) {
			Double s = strength.get(grade);
			if (s != null && (best == null || s > strength.get(best))) {
				best = grade;
			}
		}
		if (best == null) {
			Grade byCategory = category == null ? null : rules.categoryDefaults().get(category);
			return new RuleVerdict(byCategory != null ? byCategory : rules.fallback(), List.of());
		}
		return new RuleVerdict(best, List.copyOf(matched.get(best)));
	}

	/**
	 * The most urgent safety floor whose phrases occur in the description, if any: the
	 * grade may never be less urgent than that.
	 */
	java.util.Optional<FloorMatch> floor(Category category, String description) {
		List<String> clauses = clauses(description);
		FloorMatch most = null;
		for (TriageRules.Floor floor : rules.safetyFloors()) {
			if (!applies(floor.categories(), category)
					|| (most != null && !floor.grade().isMoreUrgentThan(most.grade()))) {
				continue;
			}
			for (String phrase : floor.phrases()) {
				if (matches(clauses, normalise(phrase))) {
					most = new FloorMatch(floor.grade(), phrase, floor.reason());
					break;
				}
			}
		}
		return java.util.Optional.ofNullable(most);
	}

	private static boolean applies(List<Category> categories, Category category) {
		return category == null || categories.isEmpty() || categories.contains(category);
	}

	/**
	 * What the phrase rules say.
	 *
	 * @param grade the grade of the strongest matching rule, else the category default
	 * @param matched the phrases behind it; empty when a default decided
	 */
	record RuleVerdict(Grade grade, List<String> matched) {

		boolean byPhrase() {
			return !matched.isEmpty();
		}

	}

	/**
	 * A safety floor that applies.
	 *
	 * @param grade the least urgent grade allowed
	 * @param phrase the phrase that matched
	 * @param reason the floor's documented reason
	 */
	record FloorMatch(Grade grade, String phrase, String reason) {
	}

	private boolean matches(List<String> clauses, String phrase) {
		String[] parts = phrase.split("\\*");
		for (String clause : clauses) {
			int from = 0;
			while (true) {
				int at = clause.indexOf(parts[0], from);
				if (at < 0) {
					break;
				}
				if (!negated(clause, at) && restFollows(clause, at + parts[0].length(), parts)) {
					return true;
				}
				from = at + 1;
			}
		}
		return false;
	}

	private boolean restFollows(String clause, int from, String[] parts) {
		int position = from;
		for (int i = 1; i < parts.length; i++) {
			int at = clause.indexOf(parts[i], position);
			if (at < 0 || negated(clause.substring(position), at - position)) {
				return false;
			}
			position = at + parts[i].length();
		}
		return true;
	}

	private boolean negated(String clause, int phraseStart) {
		String before = clause.substring(0, phraseStart);
		for (Negation negation : negations) {
			int at = before.lastIndexOf(negation.word());
			if (at >= 0 && before.length() - (at + negation.word().length()) <= negation.reach()
					&& !isQuestionForm(before, at)) {
				return true;
			}
		}
		return false;
	}

	/** 有没有, 是不是, 能不能: an A-not-A question, not a negation. */
	private static boolean isQuestionForm(String text, int negationAt) {
		return negationAt > 0 && negationAt + 1 < text.length()
				&& text.charAt(negationAt - 1) == text.charAt(negationAt + 1);
	}

	/**
	 * A negation word and how many characters may stand between it and the phrase it
	 * cancels, written {@code 没~1}; single characters such as 不 need a short reach or
	 * they cancel too much (门打不开进不去).
	 */
	private record Negation(String word, int reach) {

		static Negation parse(String entry) {
			int tilde = entry.lastIndexOf('~');
			if (tilde > 0) {
				return new Negation(normalise(entry.substring(0, tilde)), Integer.parseInt(entry.substring(tilde + 1)));
			}
			return new Negation(normalise(entry), NEGATION_REACH);
		}

	}

	private static List<String> clauses(String description) {
		List<String> clauses = new ArrayList<>();
		for (String clause : CLAUSE_BREAK.split(normalise(description == null ? "" : description))) {
			if (!clause.isEmpty()) {
				clauses.add(clause);
			}
		}
		return clauses;
	}

	/**
	 * Full-width letters and digits to half-width, lower case, so 3号楼 and ３号楼 match
	 * alike.
	 */
	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
	}

}
