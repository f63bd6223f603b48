package org.suxiu.attachment;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * A file whose content is not a photo or video we accept, whatever its name says (415).
 */
public class UnsupportedMedia extends DomainException {

	public UnsupportedMedia(String detail) {
		super("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", detail);
	}

}
