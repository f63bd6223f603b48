package org.suxiu.wechat;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

import org.springframework.stereotype.Component;

import org.suxiu.shared.SuxiuProperties;

/**
 * The configured Official Account: WxJava's client for it (with the shared access token),
 * its callback token, and SuXiu's public address. Off when no AppID and secret are set.
 */
@Component
class OfficialAccount {

	private final WechatProperties properties;

	private final String siteUrl;

	private final SharedTokenService service;

	OfficialAccount(WechatProperties properties, AccessTokens tokens, SuxiuProperties suxiu) {
		this.properties = properties;
		String site = properties.siteUrl() == null || properties.siteUrl().isBlank() ? suxiu.siteUrl()
				: properties.siteUrl();
		this.siteUrl = site.endsWith("/") ? site.substring(0, site.length() - 1) : site;
		this.service = properties.mp().configured() ? client(properties, tokens) : null;
	}

	private static SharedTokenService client(WechatProperties properties, AccessTokens tokens) {
		WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
		config.setAppId(properties.mp().appId());
		config.setSecret(properties.mp().secret());
		config.setToken(properties.mp().token());
		config.setAesKey(properties.mp().aesKey());
		config.setHostConfig(WxMpHostConfig.builder()
			.apiHost(trim(properties.apiBaseUrl()))
			.openHost(trim(properties.openBaseUrl()))
			.mpHost(trim(properties.apiBaseUrl()))
			.build());
		SharedTokenService service = new SharedTokenService(tokens);
		service.setWxMpConfigStorage(config);
		// retries are the delivery queue's, with its backoff, never a sleep here
		service.setMaxRetryTimes(0);
		return service;
	}

	boolean enabled() {
		return service != null;
	}

	WxMpService service() {
		if (service == null) {
			throw new WechatNotConfigured("WeChat Official Account");
		}
		return service;
	}

	WxMpConfigStorage config() {
		return service().getWxMpConfigStorage();
	}

	String appId() {
		return properties.mp().appId();
	}

	String siteUrl() {
		return siteUrl;
	}

	WechatProperties properties() {
		return properties;
	}

	/**
	 * Whether WeChat signed the callback: SHA-1 of the sorted token, timestamp and nonce
	 * (compared in constant time).
	 */
	boolean signedByWechat(String signature, String timestamp, String nonce) {
		String token = properties.mp().token();
		if (token == null || token.isBlank() || signature == null || timestamp == null || nonce == null) {
			return false;
		}
		String expected = SHA1.gen(token, timestamp, nonce);
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	private static String trim(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
