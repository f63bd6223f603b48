package org.suxiu.shared;

import org.springframework.http.HttpStatus;

/**
 * Well-formed input that a business rule refuses (422).
 */
public class BusinessRuleViolation extends DomainException {

	public BusinessRuleViolation(String type, String detail) {
		super(type, HttpStatus.UNPROCESSABLE_CONTENT, "Business rule refused", detail);
	}

}
