package org.suxiu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code spring.datasource.url} set, SuXiu uses that server: no embedded database,
 * no demo accounts, a signing secret from configuration, and only the bootstrap
 * administrator.
 */
class ExternalDatabaseTest {

	@Test
	void aRealDatabaseGetsNoDemoAccountsButTheBootstrapAdministrator() throws Exception {
		Path dataDir = Files.createTempDirectory("suxiu-external-");
		try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(SuxiuApplication.class)
					.properties(
							Map.of("server.port", "0", "suxiu.data-dir", dataDir.toString(), "spring.datasource.url",
									server.getJdbcUrl("postgres", "postgres"), "spring.datasource.username", "postgres",
									"suxiu.security.jwt-secret", "an-example-secret-for-this-test-only-0123456789",
									"suxiu.bootstrap.admin-password", "first-admin-password"))
					.run()) {
			Api api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
					context.getBean(JsonMapper.class));

			Api.Response demo = api.post(null, "/api/v1/auth/token",
					Map.of("username", "agent", "password", "demo123"));
			Api.Response admin = api.post(null, "/api/v1/auth/token",
					Map.of("username", "admin", "password", "first-admin-password"));

			assertThat(demo.status()).isEqualTo(401);
			assertThat(admin.status()).isEqualTo(200);
			assertThat(dataDir.resolve("postgres")).doesNotExist();
			assertThat(dataDir.resolve("jwt-secret")).doesNotExist();
		}
	}

	@Test
	void refusesToStartOnARealDatabaseWithoutASigningSecret() throws Exception {
		try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
			SpringApplicationBuilder app = new SpringApplicationBuilder(SuxiuApplication.class)
				.properties(Map.of("server.port", "0", "spring.datasource.url",
						server.getJdbcUrl("postgres", "postgres"), "spring.datasource.username", "postgres"));

			assertThatThrownBy(app::run).hasStackTraceContaining("suxiu.security.jwt-secret");
		}
	}

}
