package org.suxiu.attachment;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * A photo over 10 MB or a video over 50 MB (413).
 */
public class FileTooLarge extends DomainException {

	public FileTooLarge(String detail) {
		super("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Payload too large", detail);
	}

}
