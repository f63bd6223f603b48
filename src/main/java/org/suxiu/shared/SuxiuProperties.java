package org.suxiu.shared;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code suxiu.*}.
 *
 * @param dataDir where the embedded database, generated secrets and files live
 * ({@code SUXIU_DATA_DIR})
 * @param zone the business time zone for order numbers and the dates people see
 * @param demo whether the embedded run seeds the demo tenants and accounts
 */
@ConfigurationProperties("suxiu")
public record SuxiuProperties(String dataDir, ZoneId zone, boolean demo) {

	public SuxiuProperties {
		dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
		zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
	}

	public Path dataDirectory() {
		return Path.of(dataDir);
	}

}
