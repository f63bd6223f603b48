package org.suxiu.analytics.internal;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a period is cut for the roll-ups: the ragged days at its ends from the daily rows,
 * the whole months between from the monthly ones.
 */
class RollupSpanTest {

	@Test
	void cutsTwoYearsIntoTheirRaggedEndsAndTheWholeMonthsBetween() {
		Rollups.Span span = Rollups.Span.of(LocalDate.parse("2025-01-15"), LocalDate.parse("2026-12-05"));

		assertThat(span.headFrom()).isEqualTo("2025-01-15");
		assertThat(span.headTo()).isEqualTo("2025-01-31");
		assertThat(span.monthsFrom()).isEqualTo("2025-02-01");
		assertThat(span.monthsTo()).isEqualTo("2026-11-01");
		assertThat(span.tailFrom()).isEqualTo("2026-12-01");
		assertThat(span.tailTo()).isEqualTo("2026-12-05");
	}

	@Test
	void takesWholeMonthsOnlyFromTheMonthlyRows() {
		Rollups.Span span = Rollups.Span.of(LocalDate.parse("2028-02-01"), LocalDate.parse("2028-03-31"));

		assertThat(span.monthsFrom()).isEqualTo("2028-02-01");
		assertThat(span.monthsTo()).isEqualTo("2028-03-01");
		assertThat(span.headFrom()).isAfter(span.headTo());
		assertThat(span.tailFrom()).isAfter(span.tailTo());
	}

	@Test
	void readsAPeriodWithinOneMonthFromTheDailyRows() {
		Rollups.Span span = Rollups.Span.of(LocalDate.parse("2028-02-03"), LocalDate.parse("2028-02-28"));

		assertThat(span.headFrom()).isEqualTo("2028-02-03");
		assertThat(span.headTo()).isEqualTo("2028-02-28");
		assertThat(span.monthsFrom()).isAfter(span.monthsTo());
		assertThat(span.tailFrom()).isAfter(span.tailTo());
	}

}
