package org.suxiu.wechat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.Api;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without WeChat credentials (the default) the application runs as before: WeChat's
 * endpoints answer 404 problems, the WeChat sign-in page leads to the ordinary one, and
 * WECHAT is not a channel messages can go by.
 */
class WechatOffTest extends ApplicationTest {

	@Autowired
	WechatMessages messages;

	@Autowired
	WechatAccounts accounts;

	@Test
	void everyWechatEntryIsClosedWithAClearAnswer() {
		Api.Response callback = api.get(null, "/wechat/callback?signature=a&timestamp=1&nonce=n&echostr=e");
		Api.Response mini = api.post(null, "/api/v1/auth/wechat-mini", Map.of("code", "c"));
		Api.Response bind = api.put("13800000001", "/api/v1/me/wechat", Map.of("code", "c"));
		Api.Response page = api.get(null, "/login/wechat?next=/owner");
		Api.Response channels = api.get("13800000001", "/api/v1/me/notification-preferences");

		assertThat(callback.status()).isEqualTo(404);
		assertThat(callback.problemType()).isEqualTo("wechat-not-configured");
		assertThat(mini.status()).isEqualTo(404);
		assertThat(mini.problemType()).isEqualTo("wechat-not-configured");
		assertThat(bind.status()).isEqualTo(404);
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/login");
		assertThat(channels.body().get("availableChannels").toString()).doesNotContain("WECHAT");
		assertThat(messages.enabled()).isFalse();
		assertThat(accounts.enabled()).isFalse();
		assertThat(accounts.openidOfOwner(1)).isEmpty();
	}

}
