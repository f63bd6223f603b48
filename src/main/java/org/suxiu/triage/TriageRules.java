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
 * @param floors safety floors: phrases that hold the grade at least this urgent whatever
 * the rules and the model say (a gas smell is never below L1); {@code null} in a document
 * stored before floors existed, which then gets the shipped floors
 */
public record TriageRules(@NotNull @Size(max = 50) List<@NotEmpty @Size(max = 16) String> negations,
		@NotEmpty @Size(max = 2000) List<@Valid Rule> rules, @NotNull Map<Category, Grade> categoryDefaults,
		@NotNull Grade fallback, @Size(max = 100) List<@Valid Floor> floors) {

	/** The rules without floors, as documents before floors were written. */
	public TriageRules(List<String> negations, List<Rule> rules, Map<Category, Grade> categoryDefaults,
			Grade fallback) {
		this(negations, rules, categoryDefaults, fallback, null);
	}

	/** The floors, none when the document has none. */
	public List<Floor> safetyFloors() {
		return floors == null ? List.of() : floors;
	}

	/** The same rules with these floors. */
	public TriageRules withFloors(List<Floor> floors) {
		return new TriageRules(negations, rules, categoryDefaults, fallback, floors);
	}

	/**
	 * A safety floor (安全下限): when any phrase occurs (not negated), the grade is at least
	 * {@code grade}.
	 *
	 * @param grade the least urgent grade allowed
	 * @param categories limits the floor to these categories; empty for all
	 * @param phrases any one of them sets the floor
	 * @param reason why, shown in the explanation
	 */
	public record Floor(@NotNull Grade grade, List<Category> categories,
			@NotEmpty @Size(max = 200) List<@NotEmpty @Size(max = 40) String> phrases,
			@NotEmpty @Size(max = 200) String reason) {

		public Floor {
			categories = categories == null ? List.of() : List.copyOf(categories);
		}

	}

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
