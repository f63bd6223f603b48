package org.suxiu.inspection.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.suxiu.attachment.Attachments;
import org.suxiu.attachment.FileStore;
import org.suxiu.attachment.MediaKind;
import org.suxiu.attachment.UnsupportedMedia;
import org.suxiu.attachment.Upload;
import org.suxiu.inspection.CheckinPhoto;
import org.suxiu.inspection.Inspections;
import org.suxiu.inspection.PhotoView;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;

/**
 * Check-in photos: checked by the attachment module's rules (a JPEG or PNG by content, at
 * most 10 MB, re-encoded without GPS metadata, with a thumbnail), stored in its
 * {@link FileStore} and listed in the inspection module's own {@code round_photo} table.
 * Files written for a check-in that then fails are removed again.
 */
@Component
class RoundPhotos {

	private final Attachments attachments;

	private final FileStore files;

	private final JdbcClient jdbc;

	RoundPhotos(Attachments attachments, FileStore files, JdbcClient jdbc) {
		this.attachments = attachments;
		this.files = files;
		this.jdbc = jdbc;
	}

	/** Checks every photo before anything is recorded. */
	List<Upload> check(List<CheckinPhoto> photos) {
		if (photos.size() > Inspections.MAX_PHOTOS) {
			throw new InvalidInput("photo",
					"at most " + Inspections.MAX_PHOTOS + " photos 每个检查点最多 " + Inspections.MAX_PHOTOS + " 张照片");
		}
		List<Upload> uploads = new ArrayList<>();
		for (CheckinPhoto photo : photos) {
			Upload upload = attachments.check(photo.originalName(), photo.bytes());
			if (upload.kind() != MediaKind.IMAGE) {
				throw new UnsupportedMedia("A check-in takes JPEG or PNG photos only 打卡只能上传照片");
			}
			uploads.add(upload);
		}
		return uploads;
	}

	/** Stores the checked photos of a check-in, inside its transaction. */
	void store(long roundId, long checkpointId, long checkinId, List<Upload> uploads, String by, Instant now) {
		if (uploads.isEmpty()) {
			return;
		}
		List<String> written = new ArrayList<>();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					written.forEach(files::delete);
				}
			}
		});
		int seq = 0;
		for (Upload upload : uploads) {
			UUID id = UUID.randomUUID();
			String folder = "inspection/round-" + roundId + "/" + id;
			files.write(folder + "/file", upload.content());
			written.add(folder + "/file");
			files.write(folder + "/thumbnail.jpg", upload.thumbnail());
			written.add(folder + "/thumbnail.jpg");
			jdbc.sql(
					"""
							INSERT INTO round_photo (id, checkin_id, round_id, checkpoint_id, seq, media_type, size_bytes, width,
							    height, file_key, thumbnail_key, uploaded_by, created_at)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
							""")
				.params(id, checkinId, roundId, checkpointId, ++seq, upload.mediaType(), upload.content().length,
						upload.width(), upload.height(), folder + "/file", folder + "/thumbnail.jpg", by,
						Timestamp.from(now))
				.update();
		}
	}

	/** A round's photos by checkpoint, oldest first. */
	Map<Long, List<PhotoView>> of(long roundId) {
		Map<Long, List<PhotoView>> photos = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM round_photo WHERE round_id = ? ORDER BY checkin_id, seq")
			.param(roundId)
			.query((rs, n) -> new PhotoView(rs.getObject("id", UUID.class), rs.getLong("checkpoint_id"),
					rs.getString("media_type"), rs.getInt("width"), rs.getInt("height"),
					rs.getTimestamp("created_at").toInstant()))
			.list()
			.forEach(p -> photos.computeIfAbsent(p.checkpointId(), k -> new ArrayList<>()).add(p));
		return photos;
	}

	/** A photo of the round, or its thumbnail. */
	Attachments.Content open(long roundId, UUID photoId, boolean thumbnail) {
		record Keys(String mediaType, String file, String thumbnail) {
		}
		Keys keys = jdbc
			.sql("SELECT media_type, file_key, thumbnail_key FROM round_photo WHERE id = ? AND round_id = ?")
			.params(photoId, roundId)
			.query((rs, n) -> new Keys(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> new NotFound("Photo", photoId.toString()));
		return new Attachments.Content(thumbnail ? "image/jpeg" : keys.mediaType(),
				files.open(thumbnail ? keys.thumbnail() : keys.file())
					.orElseThrow(() -> new NotFound("Photo", photoId.toString())));
	}

}
