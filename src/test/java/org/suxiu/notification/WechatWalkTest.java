package org.suxiu.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.suxiu.Api;
import org.suxiu.web.PageClient;
import org.suxiu.wechat.WechatStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WeChat walk of issue 14 against the WeChat stand-in: an owner opens the pages from
 * the Official Account, binds their openid once with their number and an SMS code, gets
 * the dispatch as a template message, and — once they refuse template messages — by SMS
 * instead, which the message log shows; the next visit from WeChat signs in directly.
 */
class WechatWalkTest extends NotificationTest {

	private static final String OWNER = "13800000002";

	private static final String OPENID = "o-walk-owner-2";

	private final HttpClient phone = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@AfterEach
	void ownerBackToSms() {
		api.put(OWNER, "/api/v1/me/notification-preferences", Map.of("channels", List.of("SMS")));
		api.delete(OWNER, "/api/v1/me/wechat");
		WECHAT.accepts(OPENID);
	}

	@Test
	void bindingThenTemplateMessageOnDispatchThenSmsWhenTheOwnerRefuses() {
		nextDayAt("10:00");
		WECHAT.clear();
		int grantsBefore = WECHAT.grants();
		PageClient browser = new PageClient(port);

		// the owner taps the account's menu: WeChat signs them in with an unbound openid
		String callback = throughWechat(browser, "/owner/report", OPENID);
		HttpResponse<String> unbound = browser.get(callback);
		assertThat(unbound.statusCode()).isEqualTo(302);
		assertThat(unbound.headers().firstValue("Location")).hasValue("/login/wechat/bind");
		assertThat(browser.get("/login/wechat/bind").body()).contains("绑定微信", "手机号");
		assertThat(browser.get("/login/wechat/bind?lang=en").body()).contains("Link your WeChat", "Mobile number");
		assertThat(browser.get("/owner").statusCode()).as("an unbound openid sees only the binding page")
			.isEqualTo(302);

		// binds it once with the number and the SMS code
		HttpResponse<String> asked = browser.submit("/login/wechat/bind", "/login/wechat/bind/code",
				Map.of("phone", OWNER));
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).contains("138****0002").doesNotContain("验证码已发送至 " + OWNER);
		HttpResponse<String> bound = browser.submit("/login/wechat/bind", "/login/wechat/bind",
				Map.of("phone", OWNER, "code", smsCodeSentTo(OWNER)));
		assertThat(bound.statusCode()).isEqualTo(302);
		assertThat(bound.headers().firstValue("Location")).hasValue("/owner/report");
		assertThat(browser.get("/owner/report").statusCode()).isEqualTo(200);

		// chooses WeChat; a dispatch comes as a template message
		Api.Response chosen = api.put(OWNER, "/api/v1/me/notification-preferences",
				Map.of("channels", List.of("WECHAT")));
		assertThat(chosen.status()).isEqualTo(200);
		assertThat(chosen.body().get("availableChannels").toString()).contains("WECHAT");
		String first = order("L3", OWNER);
		dispatch(first, "tech02");
		Message wechat = only(awaitMessages(first, Kind.OWNER_DISPATCHED), Kind.OWNER_DISPATCHED);
		assertThat(wechat.channel()).isEqualTo(Channel.WECHAT);
		assertThat(wechat.recipient()).isEqualTo(OPENID);
		deliver();
		assertThat(message(wechat.id()).status()).isEqualTo("SENT");
		assertThat(WECHAT.templates()).singleElement().satisfies(sent -> {
			assertThat(sent.openid()).isEqualTo(OPENID);
			assertThat(sent.templateId()).isEqualTo("tpl-dispatched");
			assertThat(sent.clientMessageId()).isEqualTo("suxiu-" + wechat.id());
			assertThat(sent.data()).containsEntry("character_string1", first);
			assertThat(sent.data().get("thing2")).hasSizeLessThanOrEqualTo(20).endsWith("…");
			assertThat(sent.url())
				.isEqualTo("https://repair.example.com/login/wechat?next=%2Fowner%2Forders%2F" + first);
			assertThat(message(wechat.id()).providerMessageId()).isEqualTo(sent.messageId());
		});
		assertThat(WECHAT.grants()).as("one access token fetched").isEqualTo(grantsBefore + 1);
		assertThat(messages(first).stream().filter(m -> m.kind() == Kind.OWNER_DISPATCHED))
			.as("no SMS beside the WeChat message")
			.hasSize(1);

		// the owner refuses template messages: the next dispatch comes by SMS, logged
		WECHAT.refuses(OPENID);
		String second = order("L3", OWNER);
		dispatch(second, "tech02");
		Message refused = only(awaitMessages(second, Kind.OWNER_DISPATCHED), Kind.OWNER_DISPATCHED);
		deliver();
		assertThat(message(refused.id()).status()).isEqualTo("FAILED");
		assertThat(message(refused.id()).lastError()).contains("43101");
		List<Message> dispatched = messages(second).stream().filter(m -> m.kind() == Kind.OWNER_DISPATCHED).toList();
		assertThat(dispatched).hasSize(2);
		Message sms = dispatched.get(1);
		assertThat(sms.channel()).isEqualTo(Channel.SMS);
		assertThat(sms.recipient()).isEqualTo(OWNER);
		deliver();
		assertThat(message(sms.id()).status()).isEqualTo("SENT");
		assertThat(smsFor(sms)).singleElement().satisfies(request -> assertThat(request.accepted()).isTrue());
		assertThat(messages(second)).noneMatch(m -> m.kind() == Kind.ADMIN_DELIVERY_FAILED);
		Api.Response log = api.get("admin", "/api/v1/admin/messages?recipient=" + OWNER + "&channel=SMS");
		assertThat(log.body().get("items").get(0).get("id").asLong()).isEqualTo(sms.id());
		assertThat(log.body().get("items").get(0).get("fallbackOf").asLong()).isEqualTo(refused.id());
		assertThat(log.body().get("items").get(0).get("fallbackReason").asString()).contains("WECHAT", "43101");
		assertThat(WECHAT.errors()).containsExactly(43101);

		// the next visit from WeChat signs in directly
		PageClient later = new PageClient(port);
		HttpResponse<String> direct = later.get(throughWechat(later, "/owner", OPENID));
		assertThat(direct.statusCode()).isEqualTo(302);
		assertThat(direct.headers().firstValue("Location")).hasValue("/owner");
		assertThat(later.get("/owner").statusCode()).isEqualTo(200);
	}

	@Test
	void anOwnerWhoChoseWechatButNeverBoundItGetsAnSmsThatSaysWhy() {
		nextDayAt("10:00");
		api.put(OWNER, "/api/v1/me/notification-preferences", Map.of("channels", List.of("WECHAT")));

		String number = order("L3", OWNER);
		dispatch(number, "tech02");
		Message sms = only(awaitMessages(number, Kind.OWNER_DISPATCHED), Kind.OWNER_DISPATCHED);

		assertThat(sms.channel()).isEqualTo(Channel.SMS);
		assertThat(sms.recipient()).isEqualTo(OWNER);
		assertThat(jdbc.sql("SELECT fallback_reason FROM notification_message WHERE id = ?")
			.param(sms.id())
			.query(String.class)
			.single()).contains("未绑定微信");
	}

	@Test
	void aForgedOrReplayedOauthStateSignsNobodyIn() {
		PageClient browser = new PageClient(port);
		String callback = throughWechat(browser, "/owner", OPENID);
		String forged = callback.replaceAll("state=[^&]+", "state=forged");

		HttpResponse<String> refused = browser.get(forged);
		HttpResponse<String> unknownCode = new PageClient(port).get("/login/wechat/callback?code=nope&state=x");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("登录已过期");
		assertThat(unknownCode.statusCode()).isEqualTo(400);
		assertThat(browser.get("/owner").statusCode()).isEqualTo(302);
	}

	@Test
	void anOwnerPageOpenedInWechatsBrowserSignsInThroughWechat() throws Exception {
		HttpRequest inWechat = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/owner/orders/BX1"))
			.header("User-Agent", "Mozilla/5.0 (iPhone) MicroMessenger/8.0.50")
			.GET()
			.build();
		HttpRequest elsewhere = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/owner/orders/BX1"))
			.GET()
			.build();

		HttpResponse<Void> wechat = phone.send(inWechat, HttpResponse.BodyHandlers.discarding());
		HttpResponse<Void> browser = phone.send(elsewhere, HttpResponse.BodyHandlers.discarding());

		assertThat(wechat.statusCode()).isEqualTo(302);
		assertThat(wechat.headers().firstValue("Location")).hasValue("/login/wechat?next=%2Fowner%2Forders%2FBX1");
		assertThat(browser.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void anUnknownOauthCodeIsRefusedOnThePage() {
		PageClient browser = new PageClient(port);
		String callback = throughWechat(browser, "/owner", OPENID);
		String unknown = callback.replaceAll("code=[^&]+", "code=unknown-code");

		HttpResponse<String> refused = browser.get(unknown);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("微信登录没有成功");
		assertThat(WECHAT.errors()).contains(40029);
	}

	/**
	 * Opens {@code /login/wechat?next=…} and WeChat's authorise page as the phone of
	 * {@code openid}; returns the callback path WeChat sends the browser back to.
	 */
	private String throughWechat(PageClient browser, String next, String openid) {
		HttpResponse<String> start = browser.get("/login/wechat?next=" + next);
		assertThat(start.statusCode()).isEqualTo(302);
		String authorize = start.headers().firstValue("Location").orElseThrow();
		assertThat(authorize).startsWith(WECHAT.url() + "/connect/oauth2/authorize?appid=" + WechatStub.APP_ID)
			.contains("redirect_uri=https%3A%2F%2Frepair.example.com%2Flogin%2Fwechat%2Fcallback", "scope=snsapi_base",
					"#wechat_redirect");
		WECHAT.phoneOf(openid);
		try {
			HttpResponse<Void> back = phone.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			String location = URLDecoder.decode(back.headers().firstValue("Location").orElseThrow(),
					StandardCharsets.UTF_8);
			assertThat(location).startsWith("https://repair.example.com/login/wechat/callback?code=");
			return location.substring("https://repair.example.com".length());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Message message(long id) {
		return jdbc.sql("""
				SELECT id, kind, channel, recipient, locale, body, status, attempts, provider_message_id, last_error
				FROM notification_message WHERE id = ?
				""")
			.param(id)
			.query((rs, n) -> new Message(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
					Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("locale"),
					rs.getString("body"), rs.getString("status"), rs.getInt("attempts"),
					rs.getString("provider_message_id"), rs.getString("last_error")))
			.single();
	}

}
