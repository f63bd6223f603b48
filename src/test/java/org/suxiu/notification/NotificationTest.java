package org.suxiu.notification;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suxiu.Api;
import org.suxiu.ApiTest;
import org.suxiu.MutableClock;
import org.suxiu.SuxiuApplication;
import org.suxiu.notification.channel.AliyunStub;
import org.suxiu.wechat.WechatStub;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application with SMS going to a local Aliyun stand-in, WeChat to a local
 * WeChat stand-in, e-mail to an in-process SMTP server, a hand-advanced clock, and the
 * pollers off: tests write messages through the real events and deliver them by calling
 * the poller. One context for every class that extends it; each test moves the clock
 * forward to a day of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "suxiu.sla.poller.enabled=false", "suxiu.notification.delivery.enabled=false",
				"suxiu.events.resubmit.enabled=false", "suxiu.security.token-lifetime=P3650D",
				"suxiu.dispatch.max-open-jobs=1000", "suxiu.notification.sms.provider=aliyun",
				"suxiu.notification.sms.aliyun.access-key-id=" + AliyunStub.KEY_ID,
				"suxiu.notification.sms.aliyun.access-key-secret=" + AliyunStub.SECRET,
				"suxiu.notification.sms.aliyun.default-template-code=SMS_000001",
				"suxiu.notification.sms.aliyun.template-codes.SIGN_IN_CODE=SMS_000002",
				"suxiu.notification.rate-limit.max=1000", "suxiu.notification.email.from=repair@demo.example",
				// every test client comes from 127.0.0.1
				"suxiu.identity.sms-code.per-address.delay-after=100000",
				"suxiu.identity.sms-code.per-address.lock-after=100000",
				// WeChat (issue 14) against its stand-in: an owner who chose WeChat gets
				// template messages
				"suxiu.wechat.mp.app-id=" + WechatStub.APP_ID, "suxiu.wechat.mp.secret=" + WechatStub.SECRET,
				"suxiu.wechat.mp.token=" + WechatStub.TOKEN, "suxiu.wechat.mp.aes-key=" + WechatStub.AES_KEY,
				"suxiu.wechat.mp.templates.OWNER_DISPATCHED.id=tpl-dispatched",
				"suxiu.wechat.mp.templates.OWNER_DISPATCHED.fields.character_string1=number",
				"suxiu.wechat.mp.templates.OWNER_DISPATCHED.fields.thing2=body",
				"suxiu.wechat.mp.default-template-id=tpl-general", "suxiu.wechat.site-url=https://repair.example.com",
				"suxiu.wechat.mini.app-id=" + WechatStub.MINI_APP_ID,
				"suxiu.wechat.mini.secret=" + WechatStub.MINI_SECRET },
		classes = { SuxiuApplication.class, NotificationTest.TestClock.class })
abstract class NotificationTest extends ApiTest {

	static final MutableClock CLOCK = MutableClock.at("2026-12-01T10:00:00+08:00");

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final AliyunStub SMS = new AliyunStub();

	static final WechatStub WECHAT = new WechatStub(CLOCK);

	static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private static final Path DATA_DIR = temporaryDataDirectory("suxiu-notification-test-");

	static {
		MAIL.start();
	}

	@Autowired
	Deliveries deliveries;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("suxiu.data-dir", DATA_DIR::toString);
		registry.add("suxiu.notification.sms.aliyun.endpoint", SMS::url);
		registry.add("suxiu.wechat.api-base-url", WECHAT::url);
		registry.add("suxiu.wechat.open-base-url", WECHAT::url);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
	}

	/** Moves the clock to the given time of a day after every earlier test's. */
	static void nextDayAt(String time) {
		ZonedDateTime now = CLOCK.instant().atZone(ZONE);
		CLOCK.set(
				now.toLocalDate().plusDays(1).atTime(LocalTime.parse(time)).atZone(ZONE).toOffsetDateTime().toString());
	}

	static void advance(Duration duration) {
		CLOCK.advance(duration);
	}

	/** An L3 hotline order for a home, reported by the given number. */
	String order(String grade, String reporterPhone) {
		Map<String, Object> body = Requests
			.with(Requests.hotline("PLUMBING", "厨房水龙头一直滴水，关不紧", Requests.home("1", "1", "101")), "grade", grade);
		body.put("reporter", Map.of("name", "张伟", "phone", reporterPhone));
		Api.Response created = api.post("agent", "/api/v1/work-orders", body);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.text("number");
	}

	void act(String user, String number, String action, Map<String, Object> body) {
		Api.Response response = api.post(user, "/api/v1/work-orders/" + number + "/" + action, body);
		assertThat(response.status()).as("%s: %s", action, response.body()).isEqualTo(200);
	}

	void dispatch(String number, String technician) {
		act("dispatcher", number, "dispatch", Map.of("technicianId", technician));
	}

	/** Waits until the order's messages of the given kinds are recorded. */
	List<Message> awaitMessages(String number, Kind... kinds) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> messages(number).stream().map(Message::kind).toList().containsAll(List.of(kinds)));
		return messages(number);
	}

	List<Message> messages(String number) {
		return jdbc.sql("""
				SELECT id, kind, channel, recipient, locale, body, status, attempts, provider_message_id, last_error
				FROM notification_message WHERE order_number = ? ORDER BY id
				""")
			.param(number)
			.query((rs, n) -> new Message(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
					Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("locale"),
					rs.getString("body"), rs.getString("status"), rs.getInt("attempts"),
					rs.getString("provider_message_id"), rs.getString("last_error")))
			.list();
	}

	Message only(List<Message> messages, Kind kind) {
		List<Message> matching = messages.stream().filter(m -> m.kind() == kind).toList();
		assertThat(matching).as("%s in %s", kind, messages).hasSize(1);
		return matching.get(0);
	}

	int deliver() {
		return deliveries.deliverDue();
	}

	/** The last sign-in code the SMS provider carried to the number. */
	String smsCodeSentTo(String phone) {
		List<AliyunStub.Request> sent = SMS.requests()
			.stream()
			.filter(r -> phone.equals(r.phone()) && "SMS_000002".equals(r.templateCode()))
			.toList();
		assertThat(sent).as("sign-in codes sent to %s", phone).isNotEmpty();
		return json.readTree(sent.get(sent.size() - 1).templateParam()).get("code").asString();
	}

	/** The SMS requests the provider received for a message. */
	List<AliyunStub.Request> smsFor(Message message) {
		return SMS.requests().stream().filter(r -> ("suxiu-" + message.id()).equals(r.outId())).toList();
	}

	/**
	 * A message row as stored.
	 */
	record Message(long id, Kind kind, Channel channel, String recipient, String locale, String body, String status,
			int attempts, String providerMessageId, String lastError) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return CLOCK;
		}

	}

}
