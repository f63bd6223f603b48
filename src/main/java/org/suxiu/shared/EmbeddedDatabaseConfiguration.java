package org.suxiu.shared;

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

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

	@Bean(destroyMethod = "close")
	DataDirectoryLock dataDirectoryLock(SuxiuProperties properties) throws IOException {
		return DataDirectoryLock.acquire(properties.dataDirectory().toAbsolutePath());
	}

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(SuxiuProperties properties, DataDirectoryLock lock) throws IOException {
		return EmbeddedDatabase.start(properties.dataDirectory());
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		return dataSource;
	}

	static class NoDatasourceConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}

	}

}
