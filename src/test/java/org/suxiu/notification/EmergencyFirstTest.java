package org.suxiu.notification;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages carry their order's grade, and the poller takes an emergency's before planned
 * work's that were waiting longer.
 */
class EmergencyFirstTest extends NotificationTest {

	@Autowired
	Outbox outbox;

	@Autowired
	MessageQueue queue;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void takesAnL1MessageBeforeOlderL3Ones() {
		nextDayAt("10:00");
		String day = CLOCK.instant().toString();
		for (int i = 0; i < 5; i++) {
			record("planned-" + day + "-" + i, Grade.L3);
			advance(java.time.Duration.ofSeconds(1));
		}
		record("emergency-" + day, Grade.L1);

		List<String> order = transactions.execute(status -> queue.lockDue(CLOCK.instant(), 500))
			.stream()
			.map(m -> key(m.id()))
			.filter(key -> key.contains(day))
			.toList();

		assertThat(order).hasSize(6).first().asString().startsWith("emergency-");
	}

	@Test
	void recordsTheGradeOfTheOrderOnEachMessage() {
		nextDayAt("11:00");

		record("graded-" + CLOCK.instant(), Grade.L2);

		assertThat(jdbc.sql("SELECT grade, priority FROM notification_message WHERE dedupe_key LIKE 'graded-%'")
			.query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2))
			.list()).contains("L2/0");
	}

	private void record(String event, Grade grade) {
		Recipient caller = new Recipient("phone:13700000051", null, "周九", "13700000051", null, "zh-CN",
				List.of(Channel.SMS), false);
		String number = grade == Grade.L1 ? "BX-EMERGENCY" : "BX-PLANNED";
		transactions.executeWithoutResult(status -> outbox.record(new Notice(event, Kind.OWNER_ARRIVED, caller,
				Map.of("number", number, "technician", "陈师傅"), 1L, number, grade == Grade.L1, false, grade)));
	}

	private String key(long id) {
		return jdbc.sql("SELECT dedupe_key FROM notification_message WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

}
