package org.suxiu.charge;

import java.util.List;

/**
 * A project's price list and rules, as {@code GET|PUT /api/v1/projects/{code}/price-list}
 * carries them.
 *
 * @param projectCode the project
 * @param rules what is paid
 * @param items every item, with its effective dates
 */
public record PriceList(String projectCode, ChargeRules rules, List<PriceItem> items) {
}
