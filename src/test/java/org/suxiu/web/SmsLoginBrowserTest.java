package org.suxiu.web;

import org.junit.jupiter.api.Test;
import org.suxiu.CodeInbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner on a phone (375 px) signs in with an SMS code: number, code, owner pages; a
 * second code asked for at once is refused with a message.
 */
class SmsLoginBrowserTest extends BrowserTest {

	private static final String OWNER = "13800000002";

	@Test
	void anOwnerSignsInWithACodeOnAPhone() {
		Browser owner = phone();
		owner.open("/login");
		owner.click("#sms-login");
		owner.type("#phone", OWNER);
		owner.click("#send-code");
		owner.find("#code");
		owner.type("#code", CodeInbox.lastCodeSentTo(OWNER));
		String sent = owner.text("#sms-sent");
		owner.screenshot("login-sms");
		boolean sideways = owner.scrollsSideways();
		owner.click("#resend");
		owner.find("#sms-error");
		String refusal = owner.text("#sms-error");
		owner.screenshot("login-sms-429");
		owner.type("#code", CodeInbox.lastCodeSentTo(OWNER));
		owner.click("#sign-in");
		owner.waitUntil(d -> d.getCurrentUrl().endsWith("/owner"));

		assertThat(sent).contains("138****0002");
		assertThat(refusal).containsPattern("请 \\d+ 秒后再试");
		assertThat(owner.innerWidth()).isEqualTo(375);
		assertThat(sideways).isFalse();
		assertThat(owner.pageText()).contains("李娜");
	}

}
