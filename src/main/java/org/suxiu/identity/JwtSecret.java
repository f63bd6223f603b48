package org.suxiu.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs tokens: from configuration ({@code suxiu.security.jwt-secret}) in
 * production; in the embedded demo run generated once and kept in the data directory,
 * never in the repository.
 */
final class JwtSecret {

	private static final int MIN_BYTES = 32;

	private JwtSecret() {
	}

	static SecretKey resolve(String configured, boolean embedded, Path dataDirectory) {
		if (configured != null && !configured.isBlank()) {
			return key(configured.getBytes(StandardCharsets.UTF_8));
		}
		if (!embedded) {
			throw new IllegalStateException(
					"suxiu.security.jwt-secret (SUXIU_SECURITY_JWT_SECRET) must be set to at least 32 characters when using an external database");
		}
		return key(generatedIn(dataDirectory));
	}

	private static byte[] generatedIn(Path dataDirectory) {
		Path file = dataDirectory.resolve("jwt-secret");
		try {
			if (Files.isRegularFile(file)) {
				return Base64.getDecoder().decode(Files.readString(file).trim());
			}
			Files.createDirectories(dataDirectory);
			byte[] secret = new byte[48];
			new SecureRandom().nextBytes(secret);
			Files.writeString(file, Base64.getEncoder().encodeToString(secret));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system; the data directory's own permissions apply
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

	private static SecretKey key(byte[] bytes) {
		if (bytes.length < MIN_BYTES) {
			throw new IllegalStateException("The token signing secret must be at least " + MIN_BYTES + " bytes");
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

}
