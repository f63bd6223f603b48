package org.suxiu.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.suxiu.notification.channel.AliyunStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMS provider answers 500 for ten minutes: nothing is lost, everything goes out
 * after it recovers, and nothing twice. A refused number, or a provider that never
 * recovers, ends in FAILED and an alert to the administrator.
 */
class ProviderOutageTest extends NotificationTest {

	private static final Duration STEP = Duration.ofSeconds(15);

	@AfterEach
	void providerUp() {
		SMS.up();
		SMS.refuse(phone -> null);
	}

	@Test
	void everyMessageIsDeliveredOnceAfterATenMinuteOutage() {
		nextDayAt("10:00");
		SMS.down();
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String number = order("L2", String.format("1370010%04d", i));
			dispatch(number, String.format("tech%02d", 1 + i % 12));
			numbers.add(number);
		}
		numbers.forEach(number -> awaitMessages(number, Kind.TECH_NEW_JOB, Kind.OWNER_DISPATCHED));
		Instant outage = CLOCK.instant();

		while (CLOCK.instant().isBefore(outage.plus(Duration.ofMinutes(10)))) {
			deliver();
			advance(STEP);
		}
		List<Message> duringOutage = all(numbers);
		SMS.up();
		Instant recovered = CLOCK.instant();
		while (all(numbers).stream().anyMatch(m -> !m.status().equals("SENT"))
				&& CLOCK.instant().isBefore(recovered.plus(Duration.ofMinutes(30)))) {
			deliver();
			advance(STEP);
		}
		Duration catchUp = Duration.between(recovered, CLOCK.instant());

		assertThat(duringOutage).hasSize(20).allSatisfy(m -> {
			assertThat(m.status()).isEqualTo("PENDING");
			assertThat(m.attempts()).isGreaterThan(3);
			assertThat(m.lastError()).contains("500");
		});
		List<Message> after = all(numbers);
		assertThat(after).hasSize(20).allSatisfy(m -> {
			assertThat(m.status()).isEqualTo("SENT");
			assertThat(smsFor(m).stream().filter(AliyunStub.Request::accepted)).hasSize(1);
		});
		assertThat(catchUp).isLessThanOrEqualTo(Duration.ofMinutes(10).plus(STEP));
		Map<String, Long> attemptsPerMessage = SMS.requests()
			.stream()
			.filter(r -> after.stream().anyMatch(m -> ("suxiu-" + m.id()).equals(r.outId())))
			.collect(Collectors.groupingBy(AliyunStub.Request::outId, Collectors.counting()));
		assertThat(attemptsPerMessage.values()).as("backoff, not a request every poll")
			.allSatisfy(n -> assertThat(n).isBetween(5L, 12L));
	}

	@Test
	void aNumberTheProviderRefusesFailsAtOnceAndTheAdministratorIsTold() {
		nextDayAt("10:00");
		SMS.refuse(refuse("13700200001", "isv.MOBILE_NUMBER_ILLEGAL"));
		String number = order("L2", "13700200001");
		dispatch(number, "tech09");
		Message owner = only(awaitMessages(number, Kind.OWNER_DISPATCHED), Kind.OWNER_DISPATCHED);

		deliver();

		Message failed = reload(owner);
		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.lastError()).contains("isv.MOBILE_NUMBER_ILLEGAL");
		assertThat(alertsAbout(owner)).singleElement().satisfies(alert -> {
			assertThat(alert.recipient()).isEqualTo("13900000105");
			assertThat(alert.body()).contains("#" + owner.id(), "137****0001");
		});
	}

	@Test
	void aMessageStillUndeliveredAfterTheLastAttemptIsFailedAndTheAdministratorIsTold() {
		nextDayAt("10:00");
		SMS.refuse(refuse("13700200002", "isp.SYSTEM_ERROR"));
		String number = order("L2", "13700200002");
		dispatch(number, "tech10");
		Message owner = only(awaitMessages(number, Kind.OWNER_DISPATCHED), Kind.OWNER_DISPATCHED);

		for (int step = 0; step < 60 && reload(owner).status().equals("PENDING"); step++) {
			deliver();
			advance(Duration.ofMinutes(5));
		}

		Message failed = reload(owner);
		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(failed.attempts()).isEqualTo(12);
		assertThat(smsFor(owner)).hasSize(12);
		assertThat(alertsAbout(owner)).hasSize(1);
	}

	private static Function<String, String> refuse(String phone, String code) {
		return candidate -> phone.equals(candidate) ? code : null;
	}

	private List<Message> all(List<String> numbers) {
		return numbers.stream().flatMap(number -> messages(number).stream()).toList();
	}

	private Message reload(Message message) {
		return messages(jdbc.sql("SELECT order_number FROM notification_message WHERE id = ?")
			.param(message.id())
			.query(String.class)
			.single()).stream().filter(m -> m.id() == message.id()).findFirst().orElseThrow();
	}

	private List<Message> alertsAbout(Message message) {
		return jdbc.sql("""
				SELECT id, kind, channel, recipient, locale, body, status, attempts, provider_message_id, last_error
				FROM notification_message WHERE kind = 'ADMIN_DELIVERY_FAILED' AND dedupe_key LIKE ?
				""")
			.param("delivery-failed:" + message.id() + "|%")
			.query((rs, n) -> new Message(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
					Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("locale"),
					rs.getString("body"), rs.getString("status"), rs.getInt("attempts"),
					rs.getString("provider_message_id"), rs.getString("last_error")))
			.list();
	}

}
