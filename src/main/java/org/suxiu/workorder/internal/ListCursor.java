package org.suxiu.workorder.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.suxiu.shared.InvalidInput;

/**
 * Where a list page ended: the creation time and id of its last order, the list's sort
 * key. Handed out opaque ({@code next}) and taken back as {@code after}.
 *
 * @param createdAt the last order's creation time, in microseconds as stored
 * @param id the last order's id
 */
record ListCursor(Instant createdAt, long id) {

	static ListCursor of(WorkOrder order) {
		return new ListCursor(order.createdAt, order.id);
	}

	/** The cursor a client sent back, or {@code null} for none; 400 if it is not one. */
	static ListCursor parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
			int colon = plain.indexOf(':');
			long micros = Long.parseLong(plain.substring(0, colon));
			return new ListCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
					Long.parseLong(plain.substring(colon + 1)));
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException ex) {
			throw new InvalidInput("after", "is not a cursor this list gave out (use its next value)");
		}
	}

	@Override
	public String toString() {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
	}

}
