package org.suxiu.shared;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The site's address is configured once and every link starts with it. */
class SuxiuPropertiesTest {

	@Test
	void theSiteUrlIsTheConfiguredBaseUrlWithoutATrailingSlash() {
		assertThat(bind(Map.of("suxiu.labels.base-url", "https://repair.example.cn/")).siteUrl())
			.isEqualTo("https://repair.example.cn");
		assertThat(bind(Map.of("suxiu.labels.base-url", " https://repair.example.cn/suxiu// ")).siteUrl())
			.isEqualTo("https://repair.example.cn/suxiu");
	}

	@Test
	void withoutABaseUrlLinksPointAtThisMachine() {
		assertThat(bind(Map.of("suxiu.zone", "Asia/Shanghai")).siteUrl()).isEqualTo("http://localhost:8080");
		assertThat(bind(Map.of("suxiu.labels.base-url", "")).siteUrl()).isEqualTo("http://localhost:8080");
	}

	private static SuxiuProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("suxiu", SuxiuProperties.class);
	}

}
