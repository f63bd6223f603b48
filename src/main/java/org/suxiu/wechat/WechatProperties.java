package org.suxiu.wechat;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WeChat's settings, from configuration only (secrets from the environment): the Official
 * Account, the mini-program and where WeChat's API is.
 *
 * @param apiBaseUrl WeChat's API ({@code https://api.weixin.qq.com}; a stand-in in tests)
 * @param openBaseUrl where owners authorise the OAuth sign-in
 * ({@code https://open.weixin.qq.com})
 * @param siteUrl SuXiu's public address as owners' phones reach it, for OAuth and links;
 * defaults to {@code suxiu.labels.base-url}
 * @param callbackMaxAge how far a callback's timestamp may be from now; its nonce is kept
 * this long twice
 * @param mp the Official Account 公众号
 * @param mini the mini-program 小程序
 */
@ConfigurationProperties("suxiu.wechat")
record WechatProperties(@DefaultValue("https://api.weixin.qq.com") String apiBaseUrl,
		@DefaultValue("https://open.weixin.qq.com") String openBaseUrl, String siteUrl,
		@DefaultValue("PT5M") Duration callbackMaxAge, @DefaultValue Official mp, @DefaultValue Mini mini) {

	/**
	 * @param appId AppID
	 * @param secret AppSecret
	 * @param token the server token typed into 服务器配置, for callback signatures
	 * @param aesKey EncodingAESKey, for callbacks in safe mode
	 * @param templates per notice kind ({@code OWNER_DISPATCHED}): the template id and
	 * which of its keywords carries which of the notice's values
	 * @param defaultTemplateId for kinds without their own template, or {@code null}
	 */
	record Official(String appId, String secret, String token, String aesKey, Map<String, Template> templates,
			String defaultTemplateId) {

		Official {
			templates = templates == null ? Map.of() : Map.copyOf(templates);
		}

		boolean configured() {
			return present(appId) && present(secret);
		}

	}

	/**
	 * @param id the template id from 模板消息
	 * @param fields template keyword → the notice's value ({@code number}, {@code body},
	 * {@code subject}, or any of the notice's parameters)
	 */
	record Template(String id, Map<String, String> fields) {

		Template {
			fields = fields == null ? Map.of() : Map.copyOf(fields);
		}

	}

	/**
	 * @param appId the mini-program's AppID
	 * @param secret its AppSecret
	 */
	record Mini(String appId, String secret) {

		boolean configured() {
			return present(appId) && present(secret);
		}

	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
