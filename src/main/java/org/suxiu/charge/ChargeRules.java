package org.suxiu.charge;

import java.time.LocalDate;
import java.util.Set;

import org.suxiu.shared.Category;

/**
 * A project's rules for what is paid (收费规则): work in common areas is always free; in a
 * home a chargeable item is paid unless the property fee covers the category or the home
 * is still under the developer's warranty.
 *
 * @param calloutFeeFen the call-out fee (上门费) owed when an owner refuses a quote; 0 for
 * none
 * @param feeCovered categories the property fee covers inside homes
 * @param homeWarrantyUntil homes are free up to and including this day, or {@code null}
 */
public record ChargeRules(long calloutFeeFen, Set<Category> feeCovered, LocalDate homeWarrantyUntil) {

	/** No call-out fee, nothing covered, no warranty. */
	public static final ChargeRules DEFAULT = new ChargeRules(0, Set.of(), null);

	public ChargeRules {
		feeCovered = feeCovered == null ? Set.of() : Set.copyOf(feeCovered);
	}

	/**
	 * Whether a chargeable item is paid for an order at this place, in this category,
	 * today.
	 */
	public boolean paid(boolean chargeable, boolean home, Category category, LocalDate today) {
		if (!chargeable || !home || feeCovered.contains(category)) {
			return false;
		}
		return homeWarrantyUntil == null || today.isAfter(homeWarrantyUntil);
	}

}
