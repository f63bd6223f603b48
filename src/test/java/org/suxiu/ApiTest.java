package org.suxiu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

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

	@Autowired
	private JdbcClient jdbc;

	@BeforeEach
	void connect() {
		api = new Api(port, json);
	}

	/**
	 * Regrades teach the grader (triage learns each one as the tenant's exemplar); tests
	 * that regrade for other reasons must not change the grades of the tests after them.
	 */
	@AfterEach
	void forgetLearnedGrades() {
		jdbc.sql("DELETE FROM triage_exemplar WHERE source = 'REGRADE'").update();
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
