package org.suxiu.field.calls;

import java.net.URI;
import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.suxiu.field.VirtualNumbers;

/**
 * Chooses the 隐私号 provider: {@code suxiu.calls.provider=http} (with
 * {@code suxiu.calls.http.url}, {@code key-id}, {@code secret}) or the recording default.
 */
@Configuration(proxyBeanMethods = false)
class CallsConfiguration {

	@Bean
	@ConditionalOnProperty(name = "suxiu.calls.provider", havingValue = "http")
	VirtualNumbers httpVirtualNumbers(@Value("${suxiu.calls.http.url:#{null}}") URI url,
			@Value("${suxiu.calls.http.key-id:#{null}}") String keyId,
			@Value("${suxiu.calls.http.secret:#{null}}") String secret, JsonMapper json, Clock clock) {
		return new HttpVirtualNumbers(url, keyId, secret, json, clock);
	}

	@Bean
	@ConditionalOnProperty(name = "suxiu.calls.provider", havingValue = "log", matchIfMissing = true)
	VirtualNumbers recordingVirtualNumbers(@Value("${suxiu.calls.service-number:4000000000}") String serviceNumber,
			Clock clock) {
		return new RecordingVirtualNumbers(serviceNumber, clock);
	}

}
