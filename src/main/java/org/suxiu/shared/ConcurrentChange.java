package org.suxiu.shared;

import org.springframework.http.HttpStatus;

/**
 * Someone else changed the thing since the caller read it; nothing was merged.
 */
public class ConcurrentChange extends DomainException {

	public ConcurrentChange(String what) {
		super("concurrent-change", HttpStatus.CONFLICT, "Concurrent change",
				what + " was changed by someone else; reload and try again");
	}

}
