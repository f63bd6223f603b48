package org.suxiu.operations;

import java.time.Clock;
import java.time.LocalTime;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.suxiu.shared.SuxiuProperties;

/**
 * {@link NightlyBackup} when {@code suxiu.backup.nightly.enabled} is true (off by
 * default); it acts only when the datasource is the embedded database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "suxiu.backup.nightly.enabled", havingValue = "true")
class NightlyBackupConfiguration {

	@Bean
	NightlyBackup nightlyBackup(DataSource dataSource, ObjectProvider<EmbeddedPostgres> embedded,
			SuxiuProperties properties, Clock clock, @Value("${suxiu.backup.nightly.at:02:30}") String at,
			@Value("${suxiu.backup.nightly.keep:7}") int keep) {
		return new NightlyBackup(dataSource, properties.dataDirectory().resolve("files"),
				properties.dataDirectory().resolve("backups"), clock, properties.zone(), LocalTime.parse(at.strip()),
				keep, embedded.getIfAvailable() != null);
	}

}
