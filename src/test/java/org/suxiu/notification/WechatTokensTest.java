package org.suxiu.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.wechat.WechatMessages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Official Account's access token against the WeChat stand-in: fetched once and kept
 * in PostgreSQL for every instance, renewed five minutes before WeChat's expiry, and
 * renewed at once when WeChat says it is invalid (40001) or expired (42001), the message
 * then going through with the new one. A refusal (43101) is final.
 */
class WechatTokensTest extends NotificationTest {

	private static final String FOLLOWER = "o-token-follower";

	@Autowired
	WechatMessages wechat;

	@BeforeEach
	void noTokenYet() {
		jdbc.sql("DELETE FROM wechat_access_token").update();
		WECHAT.tokenLifetime(Duration.ofHours(2));
		WECHAT.clear();
	}

	@Test
	void oneTokenServesEveryMessageUntilShortlyBeforeItExpires() {
		nextDayAt("09:00");
		int before = WECHAT.grants();

		assertThat(send("a").outcome()).isEqualTo(WechatMessages.Outcome.SENT);
		assertThat(send("b").outcome()).isEqualTo(WechatMessages.Outcome.SENT);
		Timestamp expiresAt = jdbc.sql("SELECT expires_at FROM wechat_access_token").query(Timestamp.class).single();
		advance(Duration.ofMinutes(114));
		assertThat(send("c").outcome()).isEqualTo(WechatMessages.Outcome.SENT);
		advance(Duration.ofMinutes(2));
		assertThat(send("d").outcome()).isEqualTo(WechatMessages.Outcome.SENT);

		assertThat(expiresAt.toInstant()).isEqualTo(CLOCK.instant().minus(Duration.ofMinutes(116 - 115)));
		assertThat(WECHAT.grants()).as("a second token only after 1 h 55 min").isEqualTo(before + 2);
		assertThat(WECHAT.errors()).isEmpty();
	}

	@Test
	void anInvalidTokenIsReplacedAndTheMessageStillGoes() {
		nextDayAt("09:00");
		send("a");
		int before = WECHAT.grants();
		WECHAT.retireTokens();

		WechatMessages.Result result = send("b");

		assertThat(result.outcome()).isEqualTo(WechatMessages.Outcome.SENT);
		assertThat(WECHAT.errors()).containsExactly(40001);
		assertThat(WECHAT.grants()).isEqualTo(before + 1);
		assertThat(WECHAT.templates()).extracting(t -> t.clientMessageId()).containsExactly("ref-a", "ref-b");
	}

	@Test
	void aTokenWechatCallsExpiredIsReplacedAndTheMessageStillGoes() {
		nextDayAt("09:00");
		send("a");
		int before = WECHAT.grants();
		WECHAT.expireTokens();

		WechatMessages.Result result = send("b");

		assertThat(result.outcome()).isEqualTo(WechatMessages.Outcome.SENT);
		assertThat(WECHAT.errors()).containsExactly(42001);
		assertThat(WECHAT.grants()).isEqualTo(before + 1);
	}

	@Test
	void aRefusalIsFinalAndABusyWechatIsWorthAnotherTry() {
		nextDayAt("09:00");
		WECHAT.refuses(FOLLOWER);
		try {
			WechatMessages.Result refused = send("a");

			assertThat(refused.outcome()).isEqualTo(WechatMessages.Outcome.REFUSED);
			assertThat(refused.errorCode()).isEqualTo(43101);
		}
		finally {
			WECHAT.accepts(FOLLOWER);
		}
		WechatMessages.Result badOpenid = wechat.send(new WechatMessages.TemplateMessage("not-an-openid",
				"OWNER_ARRIVED", null, "师傅已到场", Map.of(), null, "ref-x"));
		assertThat(badOpenid.outcome()).isEqualTo(WechatMessages.Outcome.REFUSED);
		assertThat(badOpenid.errorCode()).isEqualTo(40003);
	}

	private WechatMessages.Result send(String reference) {
		return wechat.send(new WechatMessages.TemplateMessage(FOLLOWER, "OWNER_ARRIVED", "师傅已到场", "您的报修BX1，刘师傅已到场",
				Map.of("number", "BX1"), "/owner/orders/BX1", "ref-" + reference));
	}

}
