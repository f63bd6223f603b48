package org.suxiu.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Role;

/**
 * Photos and videos of an order through the API.
 */
@RestController
@Tag(name = "Attachments 附件")
class AttachmentController {

	private final Attachments attachments;

	AttachmentController(Attachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping(path = "/api/v1/work-orders/{number}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach photos or a video 上传照片/视频",
			description = "Multipart parts named 'file'. JPEG/PNG photos up to 10 MB (re-encoded without metadata), "
					+ "MP4/QuickTime/3GP/WebM videos up to 50 MB, checked by content: anything else answers 415, "
					+ "too large 413. purpose REPORT (owner, AGENT, DISPATCHER, SUPERVISOR; at most 9 photos and 1 "
					+ "video) or BEFORE/AFTER (the assigned technician, who must name one).")
	ResponseEntity<List<AttachmentInfo>> upload(Actor actor, @PathVariable String number,
			@RequestPart("file") List<MultipartFile> files, @RequestParam(required = false) Purpose purpose) {
		Purpose chosen = purpose != null ? purpose : actor.is(Role.TECHNICIAN) ? Purpose.AFTER : Purpose.REPORT;
		attachments.checkMayAttach(actor, number, chosen);
		List<Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files) {
			uploads.add(attachments.check(file.getOriginalFilename(), bytes(file)));
		}
		List<AttachmentInfo> stored = attachments.attach(actor, number, chosen, uploads);
		return ResponseEntity.created(URI.create("/api/v1/work-orders/" + number + "/attachments")).body(stored);
	}

	@GetMapping("/api/v1/work-orders/{number}/attachments")
	@Operation(summary = "The order's photos and videos 附件列表")
	List<AttachmentInfo> list(Actor actor, @PathVariable String number) {
		return attachments.of(actor, number);
	}

	@GetMapping("/api/v1/attachments/{id}")
	@Operation(summary = "One photo or video 附件内容 (404 unless the caller may see its order)")
	ResponseEntity<InputStreamResource> file(Actor actor, @PathVariable UUID id) {
		return send(attachments.open(actor, id, false));
	}

	@GetMapping("/api/v1/attachments/{id}/thumbnail")
	@Operation(summary = "A photo's thumbnail 缩略图 (JPEG, at most 320 px)")
	ResponseEntity<InputStreamResource> thumbnail(Actor actor, @PathVariable UUID id) {
		return send(attachments.open(actor, id, true));
	}

	static ResponseEntity<InputStreamResource> send(Attachments.Content content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.mediaType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("Content-Disposition", "inline")
			.body(new InputStreamResource(content.stream()));
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
