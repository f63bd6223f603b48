package org.suxiu.charge;

/**
 * One line of a quote, priced from the list on the day it was proposed.
 *
 * @param itemCode the price-list item
 * @param name its name
 * @param kind material or labour
 * @param unit its unit
 * @param unitPriceFen price of one unit
 * @param quantity how many units
 * @param amountFen unit price × quantity
 * @param paid whether the owner pays for this line
 */
public record QuoteLine(String itemCode, String name, ItemKind kind, String unit, long unitPriceFen, int quantity,
		long amountFen, boolean paid) {
}
