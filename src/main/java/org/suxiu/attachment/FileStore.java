package org.suxiu.attachment;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where attachment bytes live, by key; local disk by default, an object store where
 * several instances do not share a disk.
 */
public interface FileStore {

	/** Stores {@code content} under {@code key}, replacing nothing (keys are new). */
	void write(String key, byte[] content);

	/** The bytes under {@code key}, if any; the caller closes the stream. */
	Optional<InputStream> open(String key);

	void delete(String key);

}
