package org.suxiu.aftercare;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

import org.suxiu.shared.Grade;

/**
 * Decides whether an accepted order gets a follow-up call, and why. The sample is drawn
 * from the order number (CRC-32 modulo 100 below the rate), so it is the same on every
 * instance and in every test run, and spread evenly over numbers.
 */
final class CallSelection {

	private CallSelection() {
	}

	static Optional<CallReason> reason(AftercareRules rules, String number, Grade grade, Integer rating,
			boolean charged) {
		if (rules.callGrades().contains(grade)) {
			return Optional.of(CallReason.GRADE);
		}
		if (charged && rules.callCharged()) {
			return Optional.of(CallReason.CHARGED);
		}
		if (rating != null && rating <= rules.callRatingAtMost()) {
			return Optional.of(CallReason.LOW_RATING);
		}
		return sampled(number, rules.samplePercent()) ? Optional.of(CallReason.SAMPLED) : Optional.empty();
	}

	/** Whether the order number falls in the sample of {@code percent} in a hundred. */
	static boolean sampled(String number, int percent) {
		CRC32 crc = new CRC32();
		crc.update(number.getBytes(StandardCharsets.UTF_8));
		return crc.getValue() % 100 < percent;
	}

}
