package org.suxiu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port over the embedded PostgreSQL with the demo data,
 * shared by every test class that extends it (one context, one database for the run).
 */
// Many tests dispatch to the same few technicians and leave the jobs open. The SLA poller
// is off:
// on the real clock it would dispatch forgotten L1s of one test while another reads them.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "suxiu.dispatch.max-open-jobs=1000", "suxiu.sla.poller.enabled=false" })
public abstract class ApplicationTest {

	private static final Path DATA_DIR = temporaryDataDirectory();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JsonMapper json;

	protected Api api;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("suxiu.data-dir", DATA_DIR::toString);
	}

	@BeforeEach
	void connect() {
		api = new Api(port, json);
	}

	private static Path temporaryDataDirectory() {
		try {
			return Files.createTempDirectory("suxiu-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
