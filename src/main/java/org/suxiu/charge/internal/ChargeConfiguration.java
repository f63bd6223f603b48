package org.suxiu.charge.internal;

import org.suxiu.charge.PaymentGateway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment gateway: the provider's endpoint if {@code suxiu.charge.gateway.url} is set
 * (with its secret), else the recording default.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChargeProperties.class)
class ChargeConfiguration {

	@Bean
	PaymentGateway paymentGateway(ChargeProperties properties, JsonMapper json) {
		ChargeProperties.Gateway gateway = properties.gateway();
		if (gateway.url() == null || gateway.url().isBlank()) {
			return new RecordingPaymentGateway();
		}
		if (gateway.secret() == null || gateway.secret().isBlank()) {
			throw new IllegalStateException("suxiu.charge.gateway.secret is required with suxiu.charge.gateway.url");
		}
		return new HttpPaymentGateway(gateway.url(), gateway.secret(), json);
	}

}
