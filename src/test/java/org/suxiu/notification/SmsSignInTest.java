package org.suxiu.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.Api;
import org.suxiu.notification.channel.AliyunStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owners sign in with their mobile number and a code sent by SMS: six digits, valid five
 * minutes, one a minute and ten a day per number, five wrong codes lock the number. The
 * code travels to the provider in its own template and is stored nowhere in clear.
 */
class SmsSignInTest extends NotificationTest {

	private static final String OWNER = "13800000002";

	@Test
	void anOwnerSignsInWithTheCodeTheSmsBrought() {
		nextDayAt("10:00");

		Api.Response asked = askCode(OWNER);
		String code = lastCodeSentTo(OWNER);
		Api.Response token = signIn(OWNER, code);

		assertThat(asked.status()).isEqualTo(202);
		assertThat(asked.body().get("expiresIn").asInt()).isEqualTo(300);
		assertThat(code).matches("\\d{6}");
		assertThat(token.status()).as(token.body().toString()).isEqualTo(200);
		assertThat(token.text("tokenType")).isEqualTo("Bearer");
		assertThat(token.body().get("expiresIn").asLong()).isPositive();
		Api.Response mine = api.getWithAuthorization("Bearer " + token.text("accessToken"), "/api/v1/work-orders");
		assertThat(mine.status()).isEqualTo(200);
	}

	@Test
	void theCodeIsSentInItsOwnTemplateAndKeptOnlyMasked() {
		nextDayAt("10:00");

		askCode(OWNER);
		AliyunStub.Request sms = lastSmsTo(OWNER);
		String code = lastCodeSentTo(OWNER);

		assertThat(sms.templateCode()).isEqualTo("SMS_000002");
		assertThat(sms.templateParam()).contains("\"code\":\"" + code + "\"", "\"minutes\":\"5\"");
		String stored = jdbc
			.sql("SELECT body FROM notification_message WHERE kind = 'SIGN_IN_CODE' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single();
		assertThat(stored).contains("******").doesNotContain(code);
		assertThat(jdbc.sql("SELECT code_hash FROM sign_in_code WHERE phone = ? ORDER BY id DESC LIMIT 1")
			.param(OWNER)
			.query(String.class)
			.single()).doesNotContain(code).contains("$");
	}

	@Test
	void aSecondCodeWithinAMinuteIsRefusedWith429AndRetryAfter() {
		nextDayAt("10:00");
		askCode(OWNER);
		advance(Duration.ofSeconds(40));

		Api.Response again = askCode(OWNER);
		advance(Duration.ofSeconds(21));
		Api.Response later = askCode(OWNER);

		assertThat(again.status()).isEqualTo(429);
		assertThat(again.isProblem()).isTrue();
		assertThat(again.problemType()).isEqualTo("rate-limited");
		assertThat(again.body().get("retryAfterSeconds").asInt()).isEqualTo(20);
		assertThat(later.status()).isEqualTo(202);
	}

	@Test
	void tenCodesADayPerNumberAndNoMore() {
		nextDayAt("08:00");
		String number = "13700300001";
		for (int i = 0; i < 10; i++) {
			assertThat(askCode(number).status()).as("code %d", i + 1).isEqualTo(202);
			advance(Duration.ofMinutes(2));
		}

		Api.Response eleventh = askCode(number);
		nextDayAt("00:01");
		Api.Response tomorrow = askCode(number);

		assertThat(eleventh.status()).isEqualTo(429);
		assertThat(eleventh.problemType()).isEqualTo("rate-limited");
		assertThat(tomorrow.status()).isEqualTo(202);
	}

	@Test
	void aWrongCodeIs401AndFiveLockTheNumberEvenForTheRightCode() {
		nextDayAt("10:00");
		String owner = "13800000001";
		askCode(owner);
		String code = lastCodeSentTo(owner);
		String wrong = code.equals("000000") ? "111111" : "000000";

		List<Integer> tries = java.util.stream.IntStream.range(0, 5)
			.mapToObj(i -> signIn(owner, wrong).status())
			.toList();
		Api.Response right = signIn(owner, code);
		Api.Response newCode = askCode(owner);
		advance(Duration.ofMinutes(31));
		Api.Response afterLock = askCode(owner);
		Api.Response signedIn = signIn(owner, lastCodeSentTo(owner));

		assertThat(tries).containsExactly(401, 401, 401, 401, 429);
		assertThat(right.status()).isEqualTo(429);
		assertThat(right.problemType()).isEqualTo("sign-in-locked");
		assertThat(newCode.status()).isEqualTo(429);
		assertThat(afterLock.status()).isEqualTo(202);
		assertThat(signedIn.status()).isEqualTo(200);
	}

	@Test
	void aCodeExpiresAfterFiveMinutesAndWorksOnlyOnce() {
		nextDayAt("10:00");
		askCode(OWNER);
		String first = lastCodeSentTo(OWNER);
		advance(Duration.ofMinutes(5).plusSeconds(1));
		Api.Response expired = signIn(OWNER, first);
		askCode(OWNER);
		String second = lastCodeSentTo(OWNER);

		Api.Response used = signIn(OWNER, second);
		Api.Response again = signIn(OWNER, second);

		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.problemType()).isEqualTo("bad-code");
		assertThat(used.status()).isEqualTo(200);
		assertThat(again.status()).isEqualTo(401);
	}

	@Test
	void aNumberWithoutAnOwnerGetsTheSameAnswerButNoSmsAndCannotSignIn() {
		nextDayAt("10:00");
		int before = SMS.requests().size();

		Api.Response asked = askCode("13700300002");
		Api.Response signIn = signIn("13700300002", "123456");

		assertThat(asked.status()).isEqualTo(202);
		assertThat(SMS.requests()).hasSize(before);
		assertThat(signIn.status()).isEqualTo(401);
	}

	@Test
	void badNumbersAndCodesAre400WithTheFieldsNamed() {
		Api.Response landline = askCode("010-12345678");
		Api.Response missingCode = api.post(null, "/api/v1/auth/token", Map.of("phone", OWNER));
		Api.Response shortCode = signIn(OWNER, "12345");

		assertThat(landline.status()).isEqualTo(400);
		assertThat(landline.isProblem()).isTrue();
		assertThat(landline.body().get("errors").get(0).get("field").asString()).isEqualTo("phone");
		assertThat(missingCode.status()).isEqualTo(400);
		assertThat(missingCode.body().get("errors").get(0).get("field").asString()).isEqualTo("code");
		assertThat(shortCode.status()).isEqualTo(400);
	}

	private Api.Response askCode(String phone) {
		return api.post(null, "/api/v1/auth/sms-code", Map.of("phone", phone));
	}

	private Api.Response signIn(String phone, String code) {
		return api.post(null, "/api/v1/auth/token", Map.of("phone", phone, "code", code));
	}

	private AliyunStub.Request lastSmsTo(String phone) {
		List<AliyunStub.Request> sent = SMS.requests()
			.stream()
			.filter(r -> phone.equals(r.phone()) && "SMS_000002".equals(r.templateCode()))
			.toList();
		assertThat(sent).isNotEmpty();
		return sent.get(sent.size() - 1);
	}

	private String lastCodeSentTo(String phone) {
		String param = lastSmsTo(phone).templateParam();
		return json.readTree(param).get("code").asString();
	}

}
