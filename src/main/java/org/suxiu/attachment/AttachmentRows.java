package org.suxiu.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Reads {@code attachment} rows.
 */
final class AttachmentRows {

	private AttachmentRows() {
	}

	record Stored(AttachmentInfo info, String fileKey, String thumbnailKey) {
	}

	static AttachmentInfo info(ResultSet rs, int row) throws SQLException {
		return new AttachmentInfo(rs.getObject("id", UUID.class), rs.getString("order_number"),
				Purpose.valueOf(rs.getString("purpose")), MediaKind.valueOf(rs.getString("kind")),
				rs.getString("media_type"), rs.getLong("size_bytes"), (Integer) rs.getObject("width"),
				(Integer) rs.getObject("height"), rs.getString("thumbnail_key") != null, rs.getString("uploaded_by"),
				rs.getTimestamp("created_at").toInstant());
	}

	static Stored stored(ResultSet rs, int row) throws SQLException {
		return new Stored(info(rs, row), rs.getString("file_key"), rs.getString("thumbnail_key"));
	}

}
