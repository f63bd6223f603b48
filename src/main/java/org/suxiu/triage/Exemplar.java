package org.suxiu.triage;

import java.time.Instant;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * A labelled description the grader compares new descriptions with.
 *
 * @param id {@code S0001} for a shipped exemplar, a number for the tenant's own
 * @param text the description
 * @param grade its grade
 * @param category the category it was reported under
 * @param source where it came from
 * @param createdAt when it was added (null for shipped ones)
 * @param createdBy who added it (null for shipped ones)
 * @param note the regrade's reason, or the import's note
 */
public record Exemplar(String id, String text, Grade grade, Category category, Source source, Instant createdAt,
		String createdBy, String note) {

	/** Where an exemplar came from. */
	public enum Source {

		/** Shipped with SuXiu. */
		SHIPPED,
		/** Staff regraded an order with a reason. */
		REGRADE,
		/** Imported by the tenant's administrator. */
		IMPORT

	}

}
