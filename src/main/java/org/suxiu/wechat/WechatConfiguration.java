package org.suxiu.wechat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Binds {@code suxiu.wechat.*} and forgets expired callback nonces now and then.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WechatProperties.class)
class WechatConfiguration {

	private final Nonces nonces;

	private final OfficialAccount official;

	WechatConfiguration(Nonces nonces, OfficialAccount official) {
		this.nonces = nonces;
		this.official = official;
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void purgeNonces() {
		if (official.enabled()) {
			nonces.purge();
		}
	}

}
