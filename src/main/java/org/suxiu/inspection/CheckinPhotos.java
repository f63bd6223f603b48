package org.suxiu.inspection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.suxiu.attachment.Attachments;

/**
 * Check-in photos between HTTP and the facade, for the API and the pages alike: the files
 * a form sent (an empty file input sends an empty part, which is no photo) and a stored
 * photo as a response.
 */
public final class CheckinPhotos {

	private CheckinPhotos() {
	}

	/** The photos among the parts; empty parts are left out. */
	public static List<CheckinPhoto> of(List<MultipartFile> parts) {
		if (parts == null) {
			return List.of();
		}
		return parts.stream().filter(p -> !p.isEmpty()).map(p -> {
			try {
				return new CheckinPhoto(p.getOriginalFilename(), p.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

	/** A stored photo, shown inline and never cached publicly. */
	public static ResponseEntity<InputStreamResource> send(Attachments.Content content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.mediaType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("Content-Disposition", "inline")
			.body(new InputStreamResource(content.stream()));
	}

}
