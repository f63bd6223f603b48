package org.suxiu.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files under {@code $SUXIU_DATA_DIR/files}, written to a temporary name and moved into
 * place so that a reader never sees half a file.
 */
class LocalFileStore implements FileStore {

	private static final Pattern KEY = Pattern.compile("[a-z0-9-]+(/[a-z0-9.-]+)*");

	private final Path root;

	LocalFileStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void write(String key, byte[] content) {
		Path file = resolve(key);
		try {
			Files.createDirectories(file.getParent());
			Path partial = file.resolveSibling(file.getFileName() + ".part");
			Files.write(partial, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
			Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store " + key, ex);
		}
	}

	@Override
	public Optional<InputStream> open(String key) {
		Path file = resolve(key);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Files.newInputStream(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + key, ex);
		}
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(resolve(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + key, ex);
		}
	}

	/** Keys are made here, never taken from a request; still, nothing leaves the root. */
	private Path resolve(String key) {
		if (!KEY.matcher(key).matches() || key.contains("..")) {
			throw new IllegalArgumentException("Not a file key: " + key);
		}
		Path file = root.resolve(key).normalize();
		if (!file.startsWith(root)) {
			throw new IllegalArgumentException("Not a file key: " + key);
		}
		return file;
	}

}
