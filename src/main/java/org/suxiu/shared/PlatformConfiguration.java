package org.suxiu.shared;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The clock every module takes its time from, and whether this is the embedded demo run.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SuxiuProperties.class)
class PlatformConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock(SuxiuProperties properties) {
		return Clock.system(properties.zone());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	RunMode runMode(Environment environment) {
		String url = environment.getProperty("spring.datasource.url");
		return new RunMode(url == null || url.isBlank());
	}

}
