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
 * @param labels where printed labels, e-mails and WeChat links point
 */
@ConfigurationProperties("suxiu")
public record SuxiuProperties(String dataDir, ZoneId zone, boolean demo, Labels labels) {

	public SuxiuProperties {
		dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
		zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
		labels = labels == null ? new Labels(null) : labels;
	}

	/**
	 * SuXiu's public address as people's phones and browsers reach it
	 * ({@code suxiu.labels.base-url}, {@code http://localhost:8080} unless set), without
	 * a trailing slash: the start of every link on a QR label, in an e-mail or a WeChat
	 * message.
	 */
	public String siteUrl() {
		return labels.baseUrl();
	}

	/**
	 * @param baseUrl SuXiu's public address ({@code suxiu.labels.base-url})
	 */
	public record Labels(String baseUrl) {

		public Labels {
			baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip();
			while (baseUrl.endsWith("/")) {
				baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
			}
		}

	}

	public Path dataDirectory() {
		return Path.of(dataDir);
	}

}
