package org.suxiu.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no {@code spring.datasource.url} configured, runs PostgreSQL 17 embedded, its data
 * kept in {@code $SUXIU_DATA_DIR/postgres} across restarts, so a newcomer needs nothing
 * but a JDK.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceConfigured.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	DataDirectoryLock dataDirectoryLock(SuxiuProperties properties) throws IOException {
		return DataDirectoryLock.acquire(properties.dataDirectory().toAbsolutePath());
	}

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(SuxiuProperties properties, DataDirectoryLock lock) throws IOException {
		Path directory = properties.dataDirectory().resolve("postgres").toAbsolutePath();
		Files.createDirectories(directory.getParent());
		stopOrphanedServer(directory);
		long started = System.nanoTime();
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			// Spring stops it after everything that uses it; zonky's own hook would race
			// the context
			// and leave shutdown waiting on a dead pool
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			// zonky starts PostgreSQL for tests (-F, synchronous_commit=off); an
			// acknowledged order must
			// survive a crash, so the embedded run is durable like a real server
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("max_connections", "200")
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("timezone", "UTC")
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C")
			.start();
		log.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", postgres.getPort(), directory,
				(System.nanoTime() - started) / 1_000_000);
		return postgres;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		return dataSource;
	}

	/**
	 * A server left running by a process that was killed outright holds the data
	 * directory; it is ours, so stop it before starting a new one.
	 */
	private static void stopOrphanedServer(Path directory) {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			long pid = Long.parseLong(lines.get(0).trim());
			ProcessHandle.of(pid)
				.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
				.ifPresent(p -> {
					log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left on {}", pid, directory);
					p.destroy();
					p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
				});
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not check {} for an orphaned server: {}", pidFile, ex.toString());
		}
	}

	static class NoDatasourceConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}

	}

}
