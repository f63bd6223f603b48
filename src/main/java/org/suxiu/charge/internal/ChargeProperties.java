package org.suxiu.charge.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the charge module.
 *
 * @param consentLink the owner's one-time link in the quote SMS; {@code {code}} stands
 * for the code
 * @param consentValidity how long the link works
 * @param maxQuantity the most units of one item on a quote or a stock move
 * @param gateway the payment provider asked to confirm WeChat/Alipay payments; none by
 * default (staff's word is recorded)
 */
@ConfigurationProperties("suxiu.charge")
public record ChargeProperties(String consentLink, Duration consentValidity, Integer maxQuantity, Gateway gateway) {

	public ChargeProperties {
		consentLink = consentLink == null ? "https://suxiu.example/consent/{code}" : consentLink;
		consentValidity = consentValidity == null ? Duration.ofHours(72) : consentValidity;
		maxQuantity = maxQuantity == null ? 9999 : maxQuantity;
		gateway = gateway == null ? new Gateway(null, null) : gateway;
	}

	/**
	 * The provider's confirmation endpoint and the secret that signs each request
	 * (HMAC-SHA256); the secret only from configuration.
	 */
	record Gateway(String url, String secret) {
	}

}
