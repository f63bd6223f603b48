package org.suxiu.property;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * A code or name that must be unique is taken already (409); nothing was stored.
 */
public class DuplicateEntry extends DomainException {

	public DuplicateEntry(String what, String key) {
		super("duplicate", HttpStatus.CONFLICT, "Already exists", what + " " + key + " exists already 已存在");
	}

}
