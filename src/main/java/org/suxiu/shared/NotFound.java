package org.suxiu.shared;

import org.springframework.http.HttpStatus;

/**
 * Something that does not exist, or that the caller may not know exists.
 */
public class NotFound extends DomainException {

	public NotFound(String what, String key) {
		super("not-found", HttpStatus.NOT_FOUND, "Not found", what + " " + key + " not found");
	}

}
