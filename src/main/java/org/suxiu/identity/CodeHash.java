package org.suxiu.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Keyed, salted hashes of sign-in codes: {@code salt$hex(HMAC-SHA256)}. Six digits are a
 * million guesses, so a plain hash would be no protection; without the server's key the
 * stored value reveals nothing.
 */
final class CodeHash {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	CodeHash(SecretKey key) {
		this.key = key;
	}

	String of(String phone, String code) {
		byte[] salt = new byte[12];
		RANDOM.nextBytes(salt);
		return with(Base64.getUrlEncoder().withoutPadding().encodeToString(salt), phone, code);
	}

	boolean matches(String phone, String code, String stored) {
		int dollar = stored.indexOf('$');
		if (code == null || dollar < 0) {
			return false;
		}
		byte[] expected = with(stored.substring(0, dollar), phone, code).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, stored.getBytes(StandardCharsets.US_ASCII));
	}

	static String newCode() {
		return String.format("%06d", RANDOM.nextInt(1_000_000));
	}

	private String with(String salt, String phone, String code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] digest = mac
				.doFinal(("sign-in-code:" + salt + ":" + phone + ":" + code).getBytes(StandardCharsets.UTF_8));
			return salt + "$" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
