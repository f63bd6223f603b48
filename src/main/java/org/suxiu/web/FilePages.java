package org.suxiu.web;

import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.suxiu.attachment.Attachments;
import org.suxiu.shared.Actor;

/**
 * Photos and videos for the pages, under the same rule as the API: only people who may
 * see the order get its files; for anybody else they do not exist.
 */
@Controller
class FilePages {

	private final Attachments attachments;

	FilePages(Attachments attachments) {
		this.attachments = attachments;
	}

	@GetMapping("/files/{id}")
	ResponseEntity<InputStreamResource> file(Actor me, @PathVariable UUID id) {
		return send(attachments.open(me, id, false));
	}

	@GetMapping("/files/{id}/thumbnail")
	ResponseEntity<InputStreamResource> thumbnail(Actor me, @PathVariable UUID id) {
		return send(attachments.open(me, id, true));
	}

	private static ResponseEntity<InputStreamResource> send(Attachments.Content content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.mediaType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("Content-Disposition", "inline")
			.body(new InputStreamResource(content.stream()));
	}

}
