package org.suxiu.attachment;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored photo or video of an order.
 *
 * @param id its id, as in {@code /api/v1/attachments/{id}}
 * @param orderNumber the order
 * @param purpose REPORT, BEFORE or AFTER
 * @param kind IMAGE or VIDEO
 * @param mediaType e.g. image/jpeg
 * @param size bytes stored
 * @param width pixels across, for a photo
 * @param height pixels down, for a photo
 * @param thumbnail whether a thumbnail exists
 * @param uploadedBy the username of who attached it
 * @param createdAt when
 */
public record AttachmentInfo(UUID id, String orderNumber, Purpose purpose, MediaKind kind, String mediaType, long size,
		Integer width, Integer height, boolean thumbnail, String uploadedBy, Instant createdAt) {
}
