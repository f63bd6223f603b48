package org.suxiu.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What a file is by its first bytes (its magic number), never by its name or the type the
 * client claims.
 */
final class Sniffer {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] WEBM = { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3 };

	/** ISO base media brands of still images (HEIC, AVIF), which are not videos. */
	private static final Set<String> STILL_BRANDS = Set.of("heic", "heix", "hevc", "heim", "heis", "mif1", "msf1",
			"avif", "avis");

	private Sniffer() {
	}

	/**
	 * The media type of {@code bytes}: image/jpeg, image/png, video/mp4, video/quicktime,
	 * video/3gpp or video/webm.
	 */
	static Optional<String> mediaType(byte[] bytes) {
		if (startsWith(bytes, JPEG)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(bytes, PNG)) {
			return Optional.of("image/png");
		}
		if (startsWith(bytes, WEBM)) {
			return Optional.of("video/webm");
		}
		if (bytes.length >= 12 && "ftyp".equals(ascii(bytes, 4, 8))) {
			String brand = ascii(bytes, 8, 12);
			if (STILL_BRANDS.contains(brand)) {
				return Optional.empty();
			}
			if (brand.equals("qt  ")) {
				return Optional.of("video/quicktime");
			}
			return Optional.of(brand.startsWith("3g") ? "video/3gpp" : "video/mp4");
		}
		return Optional.empty();
	}

	static MediaKind kindOf(String mediaType) {
		return mediaType.startsWith("image/") ? MediaKind.IMAGE : MediaKind.VIDEO;
	}

	private static boolean startsWith(byte[] bytes, byte[] magic) {
		return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
	}

	private static String ascii(byte[] bytes, int from, int to) {
		return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
	}

}
