package org.suxiu.attachment;

/**
 * A file checked and made ready to store: a photo already re-encoded without metadata and
 * with its thumbnail, or a video as sent.
 *
 * @param kind photo or video
 * @param mediaType the type its content shows
 * @param content the bytes to keep
 * @param thumbnail a small JPEG for lists, or {@code null} for a video
 * @param width pixels across, for a photo
 * @param height pixels down, for a photo
 * @param originalName the name it came with, for people only
 */
public record Upload(MediaKind kind, String mediaType, byte[] content, byte[] thumbnail, Integer width, Integer height,
		String originalName) {
}
