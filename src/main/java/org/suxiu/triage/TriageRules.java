package org.suxiu.triage;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * The editable rule document of one tenant, as stored and as served by the API.
 *
 * @param negations words that cancel a phrase right after them in the same clause (没有被困)
 * @param rules the phrase rules
 * @param categoryDefaults the grade of a category when no phrase matched
 * @param fallback the grade when neither a phrase nor a category default applies
 */
public record TriageRules(@NotNull @Size(max = 50) List<@NotEmpty @Size(max = 10) String> negations,
		@NotEmpty @Size(max = 2000) List<@Valid Rule> rules, @NotNull Map<Category, Grade> categoryDefaults,
		@NotNull Grade fallback) {

	/**
	 * Phrases that point to a grade. A phrase {@code A*B} matches A followed by B within
	 * the same clause.
	 *
	 * @param grade the grade the phrases point to
	 * @param categories limits the rule to these categories; empty for all
	 * @param phrases any one of them matching fires the rule
	 * @param weight strength against rules of other grades; the strongest wins, ties go
	 * to the more urgent grade
	 */
	public record Rule(@NotNull Grade grade, List<Category> categories,
			@NotEmpty @Size(max = 200) List<@NotEmpty @Size(max = 40) String> phrases, @Positive double weight) {

		public Rule {
			categories = categories == null ? List.of() : List.copyOf(categories);
			weight = weight == 0 ? 1.0 : weight;
		}

	}

}
