package org.suxiu.property;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * An uploaded file that is not what it claims or too large to take; nothing was imported.
 */
public class UnreadableFile extends DomainException {

	private UnreadableFile(String type, HttpStatus status, String title, String detail) {
		super(type, status, title, detail);
	}

	static UnreadableFile notASpreadsheet(String detail) {
		return new UnreadableFile("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file",
				detail);
	}

	static UnreadableFile tooLarge(long limit) {
		return new UnreadableFile("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "File too large",
				"at most " + limit / (1024 * 1024) + " MB per import 导入文件最大 " + limit / (1024 * 1024) + " MB");
	}

}
