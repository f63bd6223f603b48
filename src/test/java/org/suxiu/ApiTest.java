package org.suxiu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every full-application test through HTTP shares: the port, the JSON mapper and an
 * {@link Api}.
 */
public abstract class ApiTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JsonMapper json;

	protected Api api;

	@BeforeEach
	void connect() {
		api = new Api(port, json);
	}

	/** A fresh data directory: each test context needs its own embedded database. */
	protected static Path temporaryDataDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
