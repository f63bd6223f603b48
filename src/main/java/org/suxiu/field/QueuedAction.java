package org.suxiu.field;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One action a technician's phone took, possibly while offline, sent again with the key
 * the phone gave it.
 *
 * @param key the idempotency key, 1 to 100 characters, unique per technician
 * @param number the order
 * @param action what was done
 * @param version the order's version the phone saw, or {@code null}
 * @param note the resolution of a completion, the reason of a hold
 * @param checklist ids of the checklist items ticked, on a completion
 * @param signature the owner's signature as a PNG (bytes), on a completion, or
 * {@code null}
 * @param takenAt when the technician took the action on the phone
 */
public record QueuedAction(String key, String number, Step action, Integer version, String note, List<String> checklist,
		byte[] signature, OffsetDateTime takenAt) {

	public QueuedAction {
		checklist = checklist == null ? List.of() : List.copyOf(checklist);
	}

	/**
	 * A PNG or JPEG sent as base64, with or without its {@code data:image/png;base64,}
	 * prefix; {@code null} for nothing.
	 * @throws IllegalArgumentException if it is not base64
	 */
	public static byte[] image(String base64) {
		if (base64 == null || base64.isBlank()) {
			return null;
		}
		String data = base64.startsWith("data:") ? base64.substring(base64.indexOf(',') + 1) : base64;
		return java.util.Base64.getDecoder().decode(data.trim());
	}

	/** The actions a phone may queue. */
	public enum Step {

		TAKE, ARRIVE, START, HOLD, RESUME, COMPLETE

	}

}
