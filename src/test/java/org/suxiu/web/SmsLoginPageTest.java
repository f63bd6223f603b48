package org.suxiu.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.ApplicationTest;
import org.suxiu.CodeInbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owners sign in on the page with their mobile number and an SMS code: the code from the
 * SMS opens a session on the owner's pages (with a new CSRF token); a wrong code, a
 * second code within the minute and a form without its CSRF token are refused.
 */
class SmsLoginPageTest extends ApplicationTest {

	@Test
	void anOwnerSignsInWithTheCodeTheSmsBroughtAndReachesTheirPages() {
		String phone = "13800000001";
		PageClient browser = new PageClient(port);
		String tokenBefore = browser.csrfOn("/login/sms");

		HttpResponse<String> asked = browser.submit("/login/sms", "/login/sms/code", Map.of("phone", phone));
		String code = CodeInbox.lastCodeSentTo(phone);
		HttpResponse<String> signedIn = browser.submit("/login/sms", "/login/sms",
				Map.of("phone", phone, "code", code));
		HttpResponse<String> owner = browser.get("/owner");
		HttpResponse<String> withOldToken = browser.post("/logout", Map.of("_csrf", tokenBefore));

		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).contains("id=\"code\"", "138****0001");
		assertThat(code).matches("\\d{6}");
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/owner"));
		assertThat(owner.statusCode()).isEqualTo(200);
		assertThat(owner.body()).contains("张伟");
		// the session's CSRF token is renewed on sign-in, so one planted before is
		// worthless
		assertThat(withOldToken.statusCode()).isEqualTo(403);
	}

	@Test
	void aWrongCodeIsRefusedAndSignsNobodyIn() {
		String phone = "13800000003";
		PageClient browser = new PageClient(port);
		browser.submit("/login/sms", "/login/sms/code", Map.of("phone", phone));
		String wrong = "000000".equals(CodeInbox.lastCodeSentTo(phone)) ? "111111" : "000000";

		HttpResponse<String> refused = browser.submit("/login/sms", "/login/sms",
				Map.of("phone", phone, "code", wrong));

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("验证码错误或已过期");
		assertThat(browser.get("/owner").statusCode()).isEqualTo(302);
	}

	@Test
	void aSecondCodeWithinTheMinuteIsRefusedWithAMessage() {
		// not an owner's: no SMS goes out, but the limits hold for every number
		String phone = "13700000998";
		PageClient browser = new PageClient(port);
		browser.submit("/login/sms", "/login/sms/code", Map.of("phone", phone));

		HttpResponse<String> again = browser.submit("/login/sms", "/login/sms/code", Map.of("phone", phone));

		assertThat(again.statusCode()).isEqualTo(429);
		assertThat(again.body()).containsPattern("请 \\d+ 秒后再试");
	}

	@Test
	void aNumberThatIsNotAMobileNumberIsRefusedWithoutASms() {
		HttpResponse<String> refused = new PageClient(port).submit("/login/sms", "/login/sms/code",
				Map.of("phone", "12345"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("请输入 11 位手机号");
	}

	@Test
	void switchingLanguageAfterAskingForACodeShowsTheFirstStepInEnglish() {
		PageClient browser = new PageClient(port);

		HttpResponse<String> english = browser.get("/login/sms/code?lang=en");

		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("Send me a code");
	}

	@Test
	void bothFormsNeedTheirCsrfToken() {
		PageClient browser = new PageClient(port);

		HttpResponse<String> code = browser.post("/login/sms/code", Map.of("phone", "13700000999"));
		HttpResponse<String> signIn = browser.post("/login/sms", Map.of("phone", "13700000999", "code", "123456"));

		assertThat(code.statusCode()).isEqualTo(403);
		assertThat(signIn.statusCode()).isEqualTo(403);
	}

}
