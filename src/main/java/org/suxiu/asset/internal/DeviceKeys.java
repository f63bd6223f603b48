package org.suxiu.asset.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Device keys and signatures. A key is 256 random bits, so its SHA-256 is stored (no slow
 * hash needed against guessing); a gateway that signs sends {@code X-Device-Timestamp}
 * (epoch seconds) and {@code X-Device-Signature}, the hex HMAC-SHA256 under the key of
 * {@code timestamp + "." + body}.
 */
final class DeviceKeys {

	/** How far a signed timestamp may be from the server's clock. */
	static final Duration SKEW = Duration.ofMinutes(5);

	private DeviceKeys() {
	}

	static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether {@code key} is the one whose hash is stored, compared in constant time. */
	static boolean matches(String key, String storedHash) {
		return key != null && MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

	static String sign(String key, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the signature is right and its timestamp within {@link #SKEW} of now. */
	static boolean signedNow(String key, String timestamp, String signature, byte[] body, Instant now) {
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		Instant at = Instant.ofEpochSecond(seconds);
		if (Duration.between(at, now).abs().compareTo(SKEW) > 0) {
			return false;
		}
		return MessageDigest.isEqual(sign(key, timestamp, body).getBytes(StandardCharsets.US_ASCII),
				signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

}
