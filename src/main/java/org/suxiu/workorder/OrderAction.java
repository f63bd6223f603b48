package org.suxiu.workorder;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The transitions of the contract, as a front end names them; {@link #path()} is the last
 * segment of {@code POST /api/v1/work-orders/{number}/{action}}.
 */
public enum OrderAction {

	DISPATCH, TAKE, GRAB, DECLINE, ARRIVE, START, HOLD, RESUME, COMPLETE, ACCEPT, REOPEN, FOLLOW_UP, CANCEL, REGRADE,
	RESCHEDULE, RESCUE, CONFIRM_REWORK, DISMISS_REWORK;

	/** {@code follow-up} for FOLLOW_UP, {@code take} for TAKE. */
	public String path() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The action whose {@link #path()} this is. */
	public static Optional<OrderAction> ofPath(String path) {
		return Arrays.stream(values()).filter(a -> a.path().equals(path)).findFirst();
	}

}
