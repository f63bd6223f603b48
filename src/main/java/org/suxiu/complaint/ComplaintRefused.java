package org.suxiu.complaint;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * A complaint step the rules refuse: {@code illegal-transition} (409) from the wrong
 * status, {@code not-a-supervisor} (422) when assigning to anybody but a supervisor of
 * the project.
 */
public class ComplaintRefused extends DomainException {

	private ComplaintRefused(String type, HttpStatus status, String title, String detail) {
		super(type, status, title, detail);
	}

	static ComplaintRefused illegal(Long id, String action, ComplaintStatus status) {
		return new ComplaintRefused("illegal-transition", HttpStatus.CONFLICT, "Illegal transition",
				"投诉状态不允许此操作 complaint " + id + ": '" + action + "' is not allowed while " + status);
	}

	static ComplaintRefused notASupervisor(String who) {
		return new ComplaintRefused("not-a-supervisor", HttpStatus.UNPROCESSABLE_CONTENT, "Not a supervisor",
				"只能指派给本项目的主管 " + who + " is not an active supervisor of the project");
	}

}
