package org.suxiu.charge;

import java.util.List;

/**
 * What the technician proposes: {@code POST /api/v1/work-orders/{number}/quote}.
 *
 * @param lines the items and quantities (whole units, at least 1)
 * @param note a note for the owner
 */
public record QuoteRequest(List<Line> lines, String note) {

	/** One item and how many. */
	public record Line(String itemCode, Integer quantity) {
	}

}
