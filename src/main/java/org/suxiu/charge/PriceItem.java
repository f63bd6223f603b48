package org.suxiu.charge;

import java.time.LocalDate;

/**
 * One line of a project's price list (价目表).
 *
 * @param code the item's code, unique per project and start date, e.g. {@code PIPE-20}
 * @param name what people call it, e.g. 20mm PPR 水管
 * @param kind material or labour
 * @param unit e.g. 米, 个, 次
 * @param unitPriceFen price of one unit in fen
 * @param chargeable false for items that are always free (e.g. an inspection); true ones
 * are paid unless the project's rules make the order free
 * @param effectiveFrom first day the price applies
 * @param effectiveTo the day it stops applying (exclusive), or {@code null}
 */
public record PriceItem(String code, String name, ItemKind kind, String unit, long unitPriceFen, boolean chargeable,
		LocalDate effectiveFrom, LocalDate effectiveTo) {

	/** Whether the price applies on the day. */
	public boolean appliesOn(LocalDate day) {
		return !day.isBefore(effectiveFrom) && (effectiveTo == null || day.isBefore(effectiveTo));
	}

}
