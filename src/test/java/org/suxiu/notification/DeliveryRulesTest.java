package org.suxiu.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.Together;
import org.suxiu.shared.Grade;
import org.suxiu.shared.SuxiuProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quiet hours, per-recipient rate limits, and two pollers on one database.
 */
class DeliveryRulesTest extends NotificationTest {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JsonMapper mapper;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

	@Autowired
	List<MessageChannel> channels;

	@Autowired
	SuxiuProperties suxiu;

	@Autowired
	NotificationProperties properties;

	@Autowired
	Recipients recipients;

	@Autowired
	WechatFallback wechatFallback;

	@Test
	void anOwnersSmsAboutAnL3WaitsForSevenInTheMorningButTheTechniciansGoesAtOnce() {
		nextDayAt("23:00");
		String number = order("L3", "13800000001");
		dispatch(number, "tech08");
		awaitMessages(number, Kind.TECH_NEW_JOB, Kind.OWNER_DISPATCHED);

		deliver();
		String technicianAtNight = only(messages(number), Kind.TECH_NEW_JOB).status();
		String ownerAtNight = only(messages(number), Kind.OWNER_DISPATCHED).status();
		advance(Duration.ofHours(7).plusMinutes(59));
		deliver();
		String ownerAt0659 = only(messages(number), Kind.OWNER_DISPATCHED).status();
		advance(Duration.ofMinutes(1));
		deliver();

		assertThat(technicianAtNight).isEqualTo("SENT");
		assertThat(ownerAtNight).isEqualTo("PENDING");
		assertThat(ownerAt0659).isEqualTo("PENDING");
		Message owner = only(messages(number), Kind.OWNER_DISPATCHED);
		assertThat(owner.status()).isEqualTo("SENT");
		assertThat(owner.attempts()).isEqualTo(1);
	}

	@Test
	void anEmergencyReachesTheOwnerEvenAtNight() {
		nextDayAt("23:30");
		String number = order("L1", "13800000001");
		dispatch(number, "tech08");
		awaitMessages(number, Kind.TECH_NEW_JOB, Kind.OWNER_DISPATCHED);

		deliver();

		assertThat(messages(number)).extracting(Message::status).containsOnly("SENT");
	}

	@Test
	void quietHoursRunFromTenAtNightToSevenInTheMorning() {
		DeliveryRules rules = new DeliveryRules(jdbc, properties, suxiu);

		assertThat(rules.quietUntil(at("2026-12-01T21:59:59+08:00"))).isEmpty();
		assertThat(rules.quietUntil(at("2026-12-01T22:00:00+08:00"))).contains(at("2026-12-02T07:00:00+08:00"));
		assertThat(rules.quietUntil(at("2026-12-02T03:00:00+08:00"))).contains(at("2026-12-02T07:00:00+08:00"));
		assertThat(rules.quietUntil(at("2026-12-02T07:00:00+08:00"))).isEmpty();
	}

	@Test
	void aRecipientGetsAtMostTheLimitPerWindowAndTheRestLater() {
		nextDayAt("10:00");
		Deliveries limited = poller(2);
		Recipient caller = new Recipient("phone:13700000042", null, "赵六", "13700000042", null, "zh-CN",
				List.of(Channel.SMS), false);
		for (int i = 0; i < 3; i++) {
			record(caller, "rate-limit-" + CLOCK.instant() + "-" + i, false);
		}
		Instant start = CLOCK.instant();

		limited.deliverDue();
		List<String> first = statuses("13700000042");
		advance(Duration.ofMinutes(59));
		limited.deliverDue();
		List<String> before = statuses("13700000042");
		advance(Duration.ofMinutes(1));
		limited.deliverDue();

		assertThat(first).containsExactly("SENT", "SENT", "PENDING");
		assertThat(before).containsExactly("SENT", "SENT", "PENDING");
		assertThat(statuses("13700000042")).containsExactly("SENT", "SENT", "SENT");
		assertThat(start).isBefore(CLOCK.instant());
	}

	@Test
	void urgentMessagesAreNeverHeldBackByTheRateLimit() {
		nextDayAt("10:00");
		Deliveries limited = poller(1);
		Recipient caller = new Recipient("phone:13700000043", null, "钱七", "13700000043", null, "zh-CN",
				List.of(Channel.SMS), false);
		for (int i = 0; i < 3; i++) {
			record(caller, "urgent-" + CLOCK.instant() + "-" + i, true);
		}

		limited.deliverDue();

		assertThat(statuses("13700000043")).containsExactly("SENT", "SENT", "SENT");
	}

	@Test
	void twoPollersOnOneDatabaseSendEachMessageOnce() throws Exception {
		nextDayAt("10:00");
		Recipient caller = new Recipient("phone:13700000044", null, "孙八", "13700000044", null, "zh-CN",
				List.of(Channel.SMS), false);
		for (int i = 0; i < 120; i++) {
			record(caller, "two-pollers-" + CLOCK.instant() + "-" + i, true);
		}
		Deliveries other = poller(1000);
		SMS.latency(Duration.ofMillis(5));
		AtomicInteger turn = new AtomicInteger();
		List<Integer> sent;
		try {
			sent = Together.run(2, () -> turn.getAndIncrement() == 0 ? deliver() : other.deliverDue());
		}
		finally {
			SMS.latency(Duration.ZERO);
		}

		assertThat(statuses("13700000044")).hasSize(120).containsOnly("SENT");
		assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(120);
		assertThat(SMS.accepted().stream().filter(r -> r.phone().equals("13700000044"))).hasSize(120)
			.extracting(r -> r.outId())
			.doesNotHaveDuplicates();
	}

	@Test
	void theEmergencyLaneSendsTheEmergenciesMessagesAndLeavesTheRest() {
		nextDayAt("10:00");
		Recipient caller = new Recipient("phone:13700000045", null, "周九", "13700000045", null, "zh-CN",
				List.of(Channel.SMS), false);
		String event = "lane-" + CLOCK.instant();
		transactions.executeWithoutResult(status -> {
			outbox.record(new Notice(event + "-L3", Kind.OWNER_ARRIVED, caller,
					Map.of("number", "BX-LANE-3", "technician", "陈师傅"), 1L, "BX-LANE-3", false, false, Grade.L3));
			outbox.record(new Notice(event + "-L1", Kind.OWNER_ARRIVED, caller,
					Map.of("number", "BX-LANE-1", "technician", "陈师傅"), 1L, "BX-LANE-1", true, false, Grade.L1));
			outbox.record(new Notice(event + "-L2", Kind.OWNER_ARRIVED, caller,
					Map.of("number", "BX-LANE-2", "technician", "陈师傅"), 1L, "BX-LANE-2", false, false, Grade.L2));
		});
		Deliveries lane = poller(1000);

		int sent = lane.deliverEmergencies();
		List<String> afterLane = statuses("13700000045");
		lane.deliverDue();

		assertThat(sent).isEqualTo(2);
		assertThat(afterLane).containsExactly("PENDING", "SENT", "SENT");
		assertThat(statuses("13700000045")).containsExactly("SENT", "SENT", "SENT");
		assertThat(SMS.accepted().stream().filter(r -> r.phone().equals("13700000045"))).hasSize(3);
	}

	private void record(Recipient recipient, String event, boolean urgent) {
		transactions.executeWithoutResult(status -> outbox.record(new Notice(event, Kind.OWNER_ARRIVED, recipient,
				Map.of("number", "BX-RULES", "technician", "陈师傅"), 1L, null, urgent, false, null)));
	}

	private List<String> statuses(String recipient) {
		return jdbc.sql("SELECT status FROM notification_message WHERE recipient = ? ORDER BY id")
			.param(recipient)
			.query(String.class)
			.list();
	}

	/** A second poller over the same database, with its own rate limit. */
	private Deliveries poller(int rateLimit) {
		NotificationProperties limited = new NotificationProperties(properties.signature(), properties.acceptLink(),
				properties.quietHours(), new NotificationProperties.RateLimit(rateLimit, Duration.ofHours(1)),
				properties.delivery());
		return new Deliveries(new MessageQueue(jdbc, jdbcTemplate, mapper), transactions,
				new DeliveryRules(jdbc, limited, suxiu), outbox, channels, limited, CLOCK,
				new org.suxiu.shared.DatabaseOutage(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
				wechatFallback);
	}

	private static Instant at(String time) {
		return OffsetDateTime.parse(time).toInstant();
	}

}
