package org.suxiu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * SuXiu as a property company runs it: a PostgreSQL server of its own (here an embedded
 * one the test starts, stops and starts again on the same port and data), the application
 * pointed at it with {@code spring.datasource.url} — so no demo data, the same code path
 * as a real server — and the platform operator's first account from configuration.
 */
public final class ProductionRun implements AutoCloseable {

	public static final String OPERATOR_PASSWORD = "operator-password-0001";

	private final Path pgData;

	private final int pgPort;

	private EmbeddedPostgres postgres;

	private ConfigurableApplicationContext app;

	private Api api;

	private ProductionRun(Path pgData, int pgPort) {
		this.pgData = pgData;
		this.pgPort = pgPort;
	}

	/** Starts the database and the application with {@code extra} arguments. */
	public static ProductionRun start(String... extra) {
		try {
			ProductionRun run = new ProductionRun(Files.createTempDirectory("suxiu-pg-"), freePort());
			run.startDatabase();
			run.startApplication(extra);
			return run;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Api api() {
		return api;
	}

	public int port() {
		return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	public ConfigurableApplicationContext context() {
		return app;
	}

	/** Starts (again) the PostgreSQL server on the same port and data directory. */
	public void startDatabase() {
		try {
			postgres = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(false)
				.setPort(pgPort)
				.setServerConfig("timezone", "UTC")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stops the PostgreSQL server; its data stays. */
	public void stopDatabase() {
		try {
			postgres.close();
			postgres = null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stops the application; returns how long that took in milliseconds. */
	public long stopApplication() {
		long start = System.nanoTime();
		app.close();
		return (System.nanoTime() - start) / 1_000_000;
	}

	private void startApplication(String... extra) throws IOException {
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--suxiu.data-dir=" + Files.createTempDirectory("suxiu-prod-"),
						"--spring.datasource.url=jdbc:postgresql://localhost:" + pgPort + "/postgres",
						"--spring.datasource.username=postgres",
						"--suxiu.security.jwt-secret=a-production-like-secret-for-this-test-0123456789",
						"--suxiu.platform.operator-password=" + OPERATOR_PASSWORD));
		args.addAll(List.of(extra));
		app = new SpringApplicationBuilder(SuxiuApplication.class).run(args.toArray(String[]::new));
		api = new Api(port(), app.getBean(JsonMapper.class));
	}

	/**
	 * A second instance on the same database, as behind a load balancer (for
	 * measurements).
	 */
	public Second second(String... extra) throws IOException {
		ProductionRun other = new ProductionRun(pgData, pgPort);
		other.startApplication(extra);
		return new Second(other);
	}

	/**
	 * A second instance; closing it stops only the application.
	 *
	 * @param run the instance
	 */
	public record Second(ProductionRun run) implements AutoCloseable {

		public Api api() {
			return run.api();
		}

		@Override
		public void close() {
			run.stopApplication();
		}

	}

	@Override
	public void close() {
		if (app != null && app.isActive()) {
			app.close();
		}
		if (postgres != null) {
			stopDatabase();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
