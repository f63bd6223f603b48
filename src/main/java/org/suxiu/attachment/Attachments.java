package org.suxiu.attachment;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Actor;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.workorder.WorkOrders;
import org.suxiu.workorder.WorkOrderView;

/**
 * Checks, stores and serves the photos and videos of orders. Whoever may see an order may
 * see its files; for anybody else they do not exist (404).
 */
@Service
public class Attachments {

	public static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;

	public static final long MAX_VIDEO_BYTES = 50L * 1024 * 1024;

	public static final int MAX_REPORT_PHOTOS = 9;

	public static final int MAX_REPORT_VIDEOS = 1;

	private static final List<Role> STAFF_WHO_ATTACH = List.of(Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR);

	private final JdbcClient jdbc;

	private final FileStore files;

	private final WorkOrders orders;

	private final Clock clock;

	Attachments(JdbcClient jdbc, FileStore files, WorkOrders orders, Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.orders = orders;
		this.clock = clock;
	}

	/**
	 * Checks a file by its content and size and makes it ready to store; stores nothing.
	 * @throws UnsupportedMedia (415) for anything but a JPEG or PNG photo or an MP4,
	 * QuickTime, 3GP or WebM video, whatever its name
	 * @throws FileTooLarge (413) for a photo over 10 MB or a video over 50 MB
	 */
	public Upload check(String originalName, byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInput("file", "is empty");
		}
		String mediaType = Sniffer.mediaType(bytes)
			.orElseThrow(() -> new UnsupportedMedia(
					"Only JPEG or PNG photos and MP4, QuickTime, 3GP or WebM videos are accepted; this file is neither"));
		MediaKind kind = Sniffer.kindOf(mediaType);
		long limit = kind == MediaKind.IMAGE ? MAX_IMAGE_BYTES : MAX_VIDEO_BYTES;
		if (bytes.length > limit) {
			throw new FileTooLarge((kind == MediaKind.IMAGE ? "A photo" : "A video") + " may be at most "
					+ limit / (1024 * 1024) + " MB");
		}
		String name = originalName == null ? null
				: originalName.substring(0, Math.min(originalName.length(), 200)).replaceAll("[\\p{Cntrl}]", "");
		if (kind == MediaKind.VIDEO) {
			return new Upload(kind, mediaType, bytes, null, null, null, name);
		}
		ImageCleaner.Cleaned cleaned = ImageCleaner.clean(bytes, mediaType);
		return new Upload(kind, mediaType, cleaned.content(), cleaned.thumbnail(), cleaned.width(), cleaned.height(),
				name);
	}

	/**
	 * Refuses (403, or 404 for an order the person may not see) before any file is read
	 * or decoded: a photo is parsed only for somebody who may attach it.
	 */
	@Transactional(readOnly = true)
	public void checkMayAttach(Actor actor, String number, Purpose purpose) {
		checkMayAttach(actor, orders.read(actor, number), purpose);
	}

	/**
	 * Attaches checked files to an order: the reporting owner and agents, dispatchers and
	 * supervisors attach to the report, the assigned technician before and after photos.
	 */
	@Transactional
	public List<AttachmentInfo> attach(Actor actor, String number, Purpose purpose, List<Upload> uploads) {
		WorkOrderView order = orders.read(actor, number);
		checkMayAttach(actor, order, purpose);
		if (purpose == Purpose.REPORT) {
			checkReportLimits(number, uploads);
		}
		List<String> written = new ArrayList<>();
		try {
			List<AttachmentInfo> stored = new ArrayList<>();
			for (Upload upload : uploads) {
				stored.add(store(actor, number, purpose, upload, written));
			}
			return stored;
		}
		catch (RuntimeException ex) {
			written.forEach(files::delete);
			throw ex;
		}
	}

	/** The files of an order the person may see, oldest first. */
	@Transactional(readOnly = true)
	public List<AttachmentInfo> of(Actor actor, String number) {
		orders.read(actor, number);
		return jdbc.sql("SELECT * FROM attachment WHERE order_number = ? ORDER BY created_at, id")
			.param(number)
			.query(AttachmentRows::info)
			.list();
	}

	/**
	 * The bytes of a file or of its thumbnail, if the person may see its order; otherwise
	 * {@link NotFound}.
	 */
	@Transactional(readOnly = true)
	public Content open(Actor actor, UUID id, boolean thumbnail) {
		Optional<AttachmentRows.Stored> row = jdbc.sql("SELECT * FROM attachment WHERE id = ?")
			.param(id)
			.query(AttachmentRows::stored)
			.optional();
		AttachmentRows.Stored file = row.filter(r -> orders.isVisibleTo(actor, r.info().orderNumber()))
			.orElseThrow(() -> new NotFound("Attachment", id.toString()));
		String key = thumbnail ? file.thumbnailKey() : file.fileKey();
		if (key == null) {
			throw new NotFound("Thumbnail of attachment", id.toString());
		}
		InputStream stream = files.open(key).orElseThrow(() -> new NotFound("Attachment", id.toString()));
		return new Content(thumbnail ? "image/jpeg" : file.info().mediaType(), stream);
	}

	/**
	 * A file's bytes to send; the caller closes the stream.
	 *
	 * @param mediaType its type
	 * @param stream its bytes
	 */
	public record Content(String mediaType, InputStream stream) {
	}

	private AttachmentInfo store(Actor actor, String number, Purpose purpose, Upload upload, List<String> written) {
		UUID id = UUID.randomUUID();
		String folder = number.toLowerCase(java.util.Locale.ROOT) + "/" + id;
		String fileKey = folder + "/file";
		files.write(fileKey, upload.content());
		written.add(fileKey);
		String thumbnailKey = null;
		if (upload.thumbnail() != null) {
			thumbnailKey = folder + "/thumbnail.jpg";
			files.write(thumbnailKey, upload.thumbnail());
			written.add(thumbnailKey);
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				INSERT INTO attachment (id, order_number, purpose, kind, media_type, size_bytes, width, height,
				    file_key, thumbnail_key, original_name, uploaded_by, uploader_role, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, number, purpose.name(), upload.kind().name(), upload.mediaType(), upload.content().length,
					upload.width(), upload.height(), fileKey, thumbnailKey, upload.originalName(), actor.username(),
					actor.role().name(), now)
			.update();
		return new AttachmentInfo(id, number, purpose, upload.kind(), upload.mediaType(), upload.content().length,
				upload.width(), upload.height(), thumbnailKey != null, actor.username(), now.toInstant());
	}

	private static void checkMayAttach(Actor actor, WorkOrderView order, Purpose purpose) {
		boolean assignee = actor.is(Role.TECHNICIAN) && order.assignee() != null && order.assignee().id() == actor.id();
		boolean reporterSide = actor.is(Role.OWNER) || STAFF_WHO_ATTACH.contains(actor.role());
		if (purpose == Purpose.REPORT ? !reporterSide : !assignee) {
			throw new Forbidden(purpose == Purpose.REPORT
					? "Report photos are attached by the reporting owner, agents, dispatchers and supervisors"
					: "Before and after photos are attached by the assigned technician");
		}
		if (!order.status().isOpen()) {
			throw new BusinessRuleViolation("order-closed", "Order " + order.number() + " is " + order.status());
		}
	}

	private void checkReportLimits(String number, List<Upload> uploads) {
		record Count(long images, long videos) {
		}
		Count before = jdbc.sql("""
				SELECT count(*) FILTER (WHERE kind = 'IMAGE'), count(*) FILTER (WHERE kind = 'VIDEO')
				FROM attachment WHERE order_number = ? AND purpose = 'REPORT'
				""").param(number).query((rs, n) -> new Count(rs.getLong(1), rs.getLong(2))).single();
		long images = before.images() + uploads.stream().filter(u -> u.kind() == MediaKind.IMAGE).count();
		long videos = before.videos() + uploads.stream().filter(u -> u.kind() == MediaKind.VIDEO).count();
		if (images > MAX_REPORT_PHOTOS || videos > MAX_REPORT_VIDEOS) {
			throw new BusinessRuleViolation("too-many-attachments",
					"A report holds at most " + MAX_REPORT_PHOTOS + " photos and " + MAX_REPORT_VIDEOS + " video");
		}
	}

}
