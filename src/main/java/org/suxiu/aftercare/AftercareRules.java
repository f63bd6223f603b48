package org.suxiu.aftercare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;

/**
 * A project's aftercare rules (售后规则). Which accepted orders get a follow-up call: every
 * order of {@code callGrades} (default L1, L2), every order with a charge
 * ({@code callCharged}), every order rated {@code callRatingAtMost} stars or fewer
 * (default 2), and {@code samplePercent} of the others (default 20, chosen by the order
 * number, so the same order is always chosen or not). The call is due {@code dueDays}
 * after acceptance (default 3); after {@code maxTries} tries without reaching the owner
 * (default 3) the order closes as not reached. An order not chosen closes by itself
 * {@code closeAfterHours} after acceptance (default 24). Completed work is accepted by
 * the system {@code autoAcceptDays} after completion (default 3). A repair is under
 * warranty for {@code warrantyDays} (default 30), or its category's own number of days.
 * In a PUT a missing field keeps its value; {@code version}, when given, must be the
 * current one.
 */
public record AftercareRules(List<Grade> callGrades, Boolean callCharged, Integer callRatingAtMost,
		Integer samplePercent, Integer dueDays, Integer maxTries, Integer closeAfterHours, Integer autoAcceptDays,
		Integer warrantyDays, Map<Category, Integer> warrantyDaysByCategory, Integer version) {

	/** The rules of a project that never changed them. */
	public static AftercareRules defaults() {
		return new AftercareRules(List.of(Grade.L1, Grade.L2), true, 2, 20, 3, 3, 24, 3, 30, Map.of(), 0);
	}

	/** These rules with the given fields changed. */
	AftercareRules with(AftercareRules changes) {
		return new AftercareRules(pick(changes.callGrades, callGrades), pick(changes.callCharged, callCharged),
				pick(changes.callRatingAtMost, callRatingAtMost), pick(changes.samplePercent, samplePercent),
				pick(changes.dueDays, dueDays), pick(changes.maxTries, maxTries),
				pick(changes.closeAfterHours, closeAfterHours), pick(changes.autoAcceptDays, autoAcceptDays),
				pick(changes.warrantyDays, warrantyDays), pick(changes.warrantyDaysByCategory, warrantyDaysByCategory),
				version);
	}

	/** Refuses numbers out of range, every bad field named. */
	AftercareRules validated() {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (callGrades.stream().anyMatch(java.util.Objects::isNull)) {
			errors.add(new InvalidInput.FieldError("callGrades", "L1, L2, L3 or L4"));
		}
		range(errors, "callRatingAtMost", callRatingAtMost, 0, 5);
		range(errors, "samplePercent", samplePercent, 0, 100);
		range(errors, "dueDays", dueDays, 1, 30);
		range(errors, "maxTries", maxTries, 1, 10);
		range(errors, "closeAfterHours", closeAfterHours, 0, 720);
		range(errors, "autoAcceptDays", autoAcceptDays, 1, 30);
		range(errors, "warrantyDays", warrantyDays, 0, 3650);
		warrantyDaysByCategory.forEach((category, days) -> range(errors,
				"warrantyDaysByCategory." + (category == null ? "?" : category.name()), days, 0, 3650));
		if (warrantyDaysByCategory.keySet().stream().anyMatch(java.util.Objects::isNull)) {
			errors.add(new InvalidInput.FieldError("warrantyDaysByCategory", "unknown category"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
		byCategory.putAll(warrantyDaysByCategory);
		return new AftercareRules(List.copyOf(new java.util.LinkedHashSet<>(callGrades)), callCharged, callRatingAtMost,
				samplePercent, dueDays, maxTries, closeAfterHours, autoAcceptDays, warrantyDays, Map.copyOf(byCategory),
				version);
	}

	/** The warranty window of a category's repairs. */
	public Duration warranty(Category category) {
		return Duration.ofDays(warrantyDaysByCategory.getOrDefault(category, warrantyDays));
	}

	private static <T> T pick(T change, T current) {
		return change != null ? change : current;
	}

	private static void range(List<InvalidInput.FieldError> errors, String field, Integer value, int min, int max) {
		if (value == null || value < min || value > max) {
			errors.add(new InvalidInput.FieldError(field, "a whole number from " + min + " to " + max));
		}
	}

}
