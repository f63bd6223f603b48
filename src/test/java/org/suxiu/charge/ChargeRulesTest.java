package org.suxiu.charge;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.suxiu.shared.Category;

import static org.assertj.core.api.Assertions.assertThat;

/** What is paid and what is free. */
class ChargeRulesTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

	@Test
	void commonAreasAreAlwaysFree() {
		assertThat(ChargeRules.DEFAULT.paid(true, false, Category.PLUMBING, TODAY)).isFalse();
	}

	@Test
	void aChargeableItemInAHomeIsPaid() {
		assertThat(ChargeRules.DEFAULT.paid(true, true, Category.PLUMBING, TODAY)).isTrue();
	}

	@Test
	void aFreeItemIsFreeEverywhere() {
		assertThat(ChargeRules.DEFAULT.paid(false, true, Category.PLUMBING, TODAY)).isFalse();
	}

	@Test
	void theFeeCoversItsCategoriesInHomes() {
		ChargeRules rules = new ChargeRules(0, Set.of(Category.ELECTRICAL), null);

		assertThat(rules.paid(true, true, Category.ELECTRICAL, TODAY)).isFalse();
		assertThat(rules.paid(true, true, Category.PLUMBING, TODAY)).isTrue();
	}

	@Test
	void homesAreFreeUpToTheLastDayOfTheirWarranty() {
		ChargeRules rules = new ChargeRules(0, Set.of(), TODAY);

		assertThat(rules.paid(true, true, Category.PLUMBING, TODAY)).isFalse();
		assertThat(rules.paid(true, true, Category.PLUMBING, TODAY.plusDays(1))).isTrue();
	}

	@Test
	void amountsReadAsYuanToTheFen() {
		assertThat(Fen.yuan(1250)).isEqualTo("¥12.50");
		assertThat(Fen.yuan(5)).isEqualTo("¥0.05");
		assertThat(Fen.yuan(0)).isEqualTo("¥0.00");
		assertThat(Fen.yuan(123456789)).isEqualTo("¥1234567.89");
	}

}
