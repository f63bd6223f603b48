package org.suxiu.workorder;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * The action is not allowed from the order's current status.
 */
public class IllegalTransition extends DomainException {

	public IllegalTransition(String number, String action, Status status) {
		super("illegal-transition", HttpStatus.CONFLICT, "Illegal transition",
				"Order " + number + " is " + status + "; '" + action + "' is not allowed now");
	}

	/** The action was allowed once and has been done already. */
	public static IllegalTransition alreadyDone(String number, String action) {
		return new IllegalTransition("Order " + number + ": '" + action + "' has been recorded already");
	}

	private IllegalTransition(String detail) {
		super("illegal-transition", HttpStatus.CONFLICT, "Illegal transition", detail);
	}

}
