package org.suxiu.shared;

import org.springframework.http.HttpStatus;

/**
 * The caller may see the thing but not do this to it.
 */
public class Forbidden extends DomainException {

	public Forbidden(String detail) {
		super("forbidden", HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

}
