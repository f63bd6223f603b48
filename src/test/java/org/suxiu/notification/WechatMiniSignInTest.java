package org.suxiu.notification;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.suxiu.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mini-program's sign-in, {@code POST /api/v1/auth/wechat-mini}, against the WeChat
 * stand-in's {@code jscode2session}: a bound openid gets SuXiu's token; an unbound one a
 * 404 saying how to bind; binding takes the owner's number and SMS code once (or a
 * signed-in owner's {@code PUT /api/v1/me/wechat}); unknown and used codes are 400 and
 * change nothing.
 */
class WechatMiniSignInTest extends NotificationTest {

	private static final String OWNER = "13800000001";

	@AfterEach
	void unbind() {
		api.delete(OWNER, "/api/v1/me/wechat");
	}

	@Test
	void anUnboundUserIsToldHowToBindThenBindsWithNumberAndCodeThenSignsInDirectly() {
		nextDayAt("11:00");
		String openid = "o-mini-walk";

		Api.Response unbound = signIn(Map.of("code", WECHAT.miniCodeFor(openid)));
		api.post(null, "/api/v1/auth/sms-code", Map.of("phone", OWNER));
		Api.Response bound = signIn(
				Map.of("code", WECHAT.miniCodeFor(openid), "phone", OWNER, "smsCode", smsCodeSentTo(OWNER)));
		Api.Response again = signIn(Map.of("code", WECHAT.miniCodeFor(openid)));

		assertThat(unbound.status()).isEqualTo(404);
		assertThat(unbound.isProblem()).isTrue();
		assertThat(unbound.problemType()).isEqualTo("wechat-not-bound");
		assertThat(unbound.text("bind")).contains("PUT /api/v1/me/wechat", "smsCode");
		assertThat(bound.status()).as(bound.body().toString()).isEqualTo(200);
		assertThat(bound.text("tokenType")).isEqualTo("Bearer");
		assertThat(again.status()).isEqualTo(200);
		Api.Response mine = api.getWithAuthorization("Bearer " + again.text("accessToken"), "/api/v1/work-orders");
		assertThat(mine.status()).isEqualTo(200);
		Api.Response me = api.getWithAuthorization("Bearer " + again.text("accessToken"),
				"/api/v1/me/notification-preferences");
		assertThat(me.status()).isEqualTo(200);
	}

	@Test
	void aWrongSmsCodeBindsNothing() {
		nextDayAt("11:00");
		String openid = "o-mini-wrong";
		api.post(null, "/api/v1/auth/sms-code", Map.of("phone", OWNER));
		String wrong = "000000".equals(smsCodeSentTo(OWNER)) ? "111111" : "000000";

		Api.Response refused = signIn(Map.of("code", WECHAT.miniCodeFor(openid), "phone", OWNER, "smsCode", wrong));
		Api.Response stillUnbound = signIn(Map.of("code", WECHAT.miniCodeFor(openid)));

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.problemType()).isEqualTo("bad-code");
		assertThat(stillUnbound.status()).isEqualTo(404);
		// the wrong try counted as a sign-in's would; the right code still works (and
		// clears the count)
		assertThat(api.post(null, "/api/v1/auth/token", Map.of("phone", OWNER, "code", smsCodeSentTo(OWNER))).status())
			.isEqualTo(200);
	}

	@Test
	void unknownAndUsedCodesAre400() {
		String code = WECHAT.miniCodeFor("o-mini-used");
		signIn(Map.of("code", code));

		Api.Response unknown = signIn(Map.of("code", "never-issued"));
		Api.Response used = signIn(Map.of("code", code));
		Api.Response missing = signIn(Map.of());
		Api.Response badPhone = signIn(Map.of("code", "c", "phone", "123", "smsCode", "123456"));

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.problemType()).isEqualTo("wechat-code-invalid");
		assertThat(used.status()).isEqualTo(400);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().get("errors").get(0).get("field").asString()).isEqualTo("code");
		assertThat(badPhone.status()).isEqualTo(400);
		assertThat(badPhone.body().get("errors").get(0).get("field").asString()).isEqualTo("phone");
	}

	@Test
	void aSignedInOwnerBindsTheMiniProgramAndOnlyOwnersMay() {
		String openid = "o-mini-put";

		Api.Response bound = api.put(OWNER, "/api/v1/me/wechat", Map.of("code", WECHAT.miniCodeFor(openid)));
		Api.Response signedIn = signIn(Map.of("code", WECHAT.miniCodeFor(openid)));
		Api.Response staff = api.put("agent", "/api/v1/me/wechat", Map.of("code", WECHAT.miniCodeFor("o-staff")));
		Api.Response anonymous = api.put(null, "/api/v1/me/wechat", Map.of("code", "x"));
		Api.Response badCode = api.put(OWNER, "/api/v1/me/wechat", Map.of("code", "never-issued"));

		assertThat(bound.status()).isEqualTo(204);
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(staff.status()).isEqualTo(403);
		assertThat(staff.isProblem()).isTrue();
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(badCode.status()).isEqualTo(400);
		assertThat(signIn(Map.of("code", WECHAT.miniCodeFor(openid))).status()).as("still bound after a bad code")
			.isEqualTo(200);
	}

	private Api.Response signIn(Map<String, String> body) {
		return api.post(null, "/api/v1/auth/wechat-mini", body);
	}

}
