package org.suxiu.charge;

import java.time.Instant;
import java.util.List;

/**
 * A quote (报价) for an order: what the technician proposes to use and do, what of it the
 * owner pays, and the owner's answer. Once answered it never changes.
 *
 * @param id the quote
 * @param number the order
 * @param lines the items
 * @param totalFen every line's amount
 * @param payableFen the paid lines' amount
 * @param status proposed, approved or refused
 * @param note the technician's note
 * @param createdBy who proposed it
 * @param createdAt when
 * @param decision the owner's answer, or {@code null} while proposed
 */
public record Quote(long id, String number, List<QuoteLine> lines, long totalFen, long payableFen, QuoteStatus status,
		String note, String createdBy, Instant createdAt, Decision decision) {

	/**
	 * The owner's answer.
	 *
	 * @param by who answered (username, or the owner's masked number with a code)
	 * @param role their role
	 * @param how signed in, code, call, or free
	 * @param at when
	 * @param approvedFen the exact amount approved, or {@code null} when refused
	 * @param reason why refused, or {@code null}
	 * @param calloutFen the call-out fee owed after a refusal
	 */
	public record Decision(String by, String role, ConsentHow how, Instant at, Long approvedFen, String reason,
			long calloutFen) {
	}

}
