package org.suxiu.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api;
import org.suxiu.shared.FailedPublications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What technicians and owners are told as an order moves, through the real events, the
 * outbox rows and the poller, with SMS going to a local Aliyun stand-in.
 */
class OrderNotificationsTest extends NotificationTest {

	@Autowired
	FailedPublications failedPublications;

	@Test
	void dispatchSendsTheTechnicianTheJobAndTheOwnerWhoIsComingAndWhen() {
		nextDayAt("10:00");
		String number = order("L3", "13800000001");

		dispatch(number, "tech02");
		List<Message> messages = awaitMessages(number, Kind.TECH_NEW_JOB, Kind.OWNER_DISPATCHED);

		Message job = only(messages, Kind.TECH_NEW_JOB);
		assertThat(job.channel()).isEqualTo(Channel.SMS);
		assertThat(job.recipient()).isEqualTo("13900000202");
		assertThat(job.body()).startsWith("【示范物业】新工单" + number)
			.contains("L3一般", "示范花园 1-1-101", "厨房水龙头", "138****0001", "前到场");
		Message owner = only(messages, Kind.OWNER_DISPATCHED);
		assertThat(owner.recipient()).isEqualTo("13800000001");
		assertThat(owner.body()).startsWith("【示范物业】您的报修" + number).contains("刘师傅", "139****0202", "上门");
		assertThat(SmsText.segments(owner.body())).isEqualTo(1);
	}

	@Test
	void anOwnerWhoseJobIsInterruptedByAnEmergencyHearsWhy() {
		nextDayAt("10:30");
		String number = order("L3", "13800000001");
		dispatch(number, "tech03");
		for (String action : List.of("take", "arrive", "start")) {
			act("tech03", number, action, Map.of());
		}
		String emergency = order("L1", "13800000002");

		dispatch(emergency, "tech03");

		Message apology = only(awaitMessages(number, Kind.OWNER_INTERRUPTED), Kind.OWNER_INTERRUPTED);
		assertThat(apology.recipient()).isEqualTo("13800000001");
		assertThat(apology.body()).startsWith("【示范物业】抱歉").contains(number, "紧急");
	}

	@Test
	void eachMessageReachesTheProviderOnceSignedAndWithItsIdAsOutId() {
		nextDayAt("10:00");
		String number = order("L3", "13800000001");
		dispatch(number, "tech02");
		List<Message> messages = awaitMessages(number, Kind.TECH_NEW_JOB, Kind.OWNER_DISPATCHED);

		deliver();
		deliver();

		for (Message message : messages(number)) {
			assertThat(message.status()).isEqualTo("SENT");
			assertThat(message.providerMessageId()).startsWith("biz-");
			assertThat(smsFor(message)).singleElement().satisfies(request -> {
				assertThat(request.signatureValid()).isTrue();
				assertThat(request.accepted()).isTrue();
				assertThat(request.signName()).isEqualTo("示范物业");
				assertThat(request.templateCode()).isEqualTo("SMS_000001");
				assertThat(request.phone()).isEqualTo(message.recipient());
				assertThat(request.templateParam()).contains(number);
			});
		}
		assertThat(messages).hasSize(2);
	}

	@Test
	void aRedeliveredEventWritesAndSendsNothingTwice() throws Exception {
		nextDayAt("10:00");
		String number = order("L3", "13800000001");
		dispatch(number, "tech03");
		awaitMessages(number, Kind.TECH_NEW_JOB, Kind.OWNER_DISPATCHED);
		deliver();

		int failed = jdbc.sql("""
				UPDATE event_publication SET status = 'FAILED', completion_date = NULL
				WHERE serialized_event LIKE ? AND event_type LIKE '%WorkOrderDispatched'
				    AND listener_id LIKE 'org.suxiu.notification.%'
				""").param("%" + number + "%").update();
		assertThat(failed).isEqualTo(1);
		assertThat(failedPublications.resubmit()).isGreaterThanOrEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> completed(jdbc, number, "WorkOrderDispatched"));
		deliver();

		assertThat(messages(number)).hasSize(2).allSatisfy(message -> {
			assertThat(message.status()).isEqualTo("SENT");
			assertThat(smsFor(message)).hasSize(1);
		});
	}

	@Test
	void theOwnerHearsOfArrivalAndOfCompletionWithALinkToAcceptAndRate() {
		nextDayAt("10:00");
		String number = order("L3", "13800000001");
		dispatch(number, "tech04");
		act("tech04", number, "take", Map.of());

		act("tech04", number, "arrive", Map.of());
		act("tech04", number, "start", Map.of());
		act("tech04", number, "complete", Map.of("resolution", "更换阀芯"));
		List<Message> messages = awaitMessages(number, Kind.OWNER_ARRIVED, Kind.OWNER_COMPLETED);

		assertThat(only(messages, Kind.OWNER_ARRIVED).body()).contains("黄师傅已到达", number);
		assertThat(only(messages, Kind.OWNER_COMPLETED).body()).contains("请验收评价", "https://suxiu.example/o/" + number);
		assertThat(messages).filteredOn(m -> m.recipient().equals("13800000001"))
			.allSatisfy(m -> assertThat(SmsText.segments(m.body())).isEqualTo(1));
	}

	@Test
	void aRescheduledVisitReachesTheOwnerWithAnApologyAndTheNewTime() {
		nextDayAt("10:00");
		String number = order("L3", "13800000001");
		dispatch(number, "tech04");

		act("tech04", number, "reschedule",
				Map.of("reason", "前一单超时", "appointment", Map.of("from",
						CLOCK.instant().plus(Duration.ofHours(4)).atZone(ZONE).toOffsetDateTime().toString(), "to",
						CLOCK.instant().plus(Duration.ofHours(6)).atZone(ZONE).toOffsetDateTime().toString())));
		List<Message> messages = awaitMessages(number, Kind.OWNER_RESCHEDULED);

		assertThat(only(messages, Kind.OWNER_RESCHEDULED).body()).startsWith("【示范物业】抱歉！")
			.contains(number, "14:00-16:00");
	}

	@Test
	void aCancellationTellsTheReporterWhyAndTheTechnicianNotToCome() {
		nextDayAt("10:00");
		String number = order("L3", "13800000001");
		dispatch(number, "tech05");

		act("agent", number, "cancel", Map.of("reason", "业主已自行修好"));
		List<Message> messages = awaitMessages(number, Kind.REPORTER_CANCELLED, Kind.TECH_JOB_CANCELLED);

		assertThat(only(messages, Kind.REPORTER_CANCELLED).body()).contains(number, "已取消", "业主已自行修好");
		Message technician = only(messages, Kind.TECH_JOB_CANCELLED);
		assertThat(technician.recipient()).isEqualTo("13900000205");
		assertThat(technician.body()).contains(number, "无需上门");
	}

	@Test
	void anOwnerWhoChoseEmailInEnglishGetsAnEmailInEnglish() throws Exception {
		nextDayAt("10:00");
		Api.Response saved = api.put("13800000003", "/api/v1/me/notification-preferences",
				Map.of("channels", List.of("EMAIL"), "email", "han.mei@example.com", "language", "en"));
		assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
		String number = order("L3", "13800000003");

		dispatch(number, "tech06");
		Message notice = only(awaitMessages(number, Kind.OWNER_DISPATCHED), Kind.OWNER_DISPATCHED);
		deliver();

		assertThat(notice.channel()).isEqualTo(Channel.EMAIL);
		assertThat(notice.recipient()).isEqualTo("han.mei@example.com");
		assertThat(notice.body()).startsWith("Order " + number).contains("马师傅", "will come by");
		var mail = java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
			try {
				return m.getSubject().contains(number);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(mail).singleElement().satisfies(m -> {
			assertThat(m.getAllRecipients()[0].toString()).isEqualTo("han.mei@example.com");
			assertThat(m.getSubject()).startsWith("【示范物业】 Technician on the way");
			assertThat(m.getHeader("X-SuXiu-Message-Id")[0]).isEqualTo("suxiu-" + notice.id());
			assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(m)).contains(number);
		});
		assertThat(only(messages(number), Kind.OWNER_DISPATCHED).status()).isEqualTo("SENT");
	}

	static boolean completed(JdbcClient jdbc, String number, String eventType) {
		return jdbc.sql("""
				SELECT count(*) FROM event_publication
				WHERE serialized_event LIKE ? AND event_type LIKE ? AND completion_date IS NOT NULL
				    AND listener_id LIKE 'org.suxiu.notification.%'
				""").params("%" + number + "%", "%" + eventType).query(Long.class).single() > 0;
	}

}
