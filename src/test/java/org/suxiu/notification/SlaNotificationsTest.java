package org.suxiu.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.sla.SlaTimers;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA engine's warnings and breaches reach the project's supervisors, escalations the
 * managers they name, and an owner waiting for a late technician an apology (R7).
 */
class SlaNotificationsTest extends NotificationTest {

	@Autowired
	SlaTimers timers;

	@Test
	void supervisorsAreWarnedBeforeAndToldAtABreachAndTheManagerOnEscalation() {
		nextDayAt("10:00");
		timers.fireDue();
		String number = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");

		advance(Duration.ofMinutes(3));
		timers.fireDue();
		List<Message> warned = awaitMessages(number, Kind.SUPERVISOR_SLA_WARNING);
		advance(Duration.ofMinutes(14));
		timers.fireDue();
		List<Message> messages = awaitMessages(number, Kind.SUPERVISOR_SLA_BREACH, Kind.STAFF_ESCALATED);

		Message warning = only(warned, Kind.SUPERVISOR_SLA_WARNING);
		assertThat(warning.recipient()).isEqualTo("13900000103");
		assertThat(warning.body()).startsWith("【示范物业】SLA预警：" + number).contains("L1紧急", "响应", "50%");
		assertThat(messages).filteredOn(m -> m.kind() == Kind.SUPERVISOR_SLA_BREACH)
			.extracting(Message::body)
			.anySatisfy(body -> assertThat(body).contains(number, "响应已超时", "请立即处理"));
		Message escalated = only(messages, Kind.STAFF_ESCALATED);
		assertThat(escalated.recipient()).isEqualTo("13900000104");
		assertThat(escalated.body()).contains("升级通知", number);
	}

	@Test
	void anOwnerWaitingForALateTechnicianGetsAnApology() {
		nextDayAt("10:00");
		timers.fireDue();
		String number = order("L2", "13800000001");
		dispatch(number, "tech07");
		act("tech07", number, "take", Map.of());

		advance(Duration.ofMinutes(121));
		timers.fireDue();
		List<Message> messages = awaitMessages(number, Kind.OWNER_LATE_APOLOGY);

		Message apology = only(messages, Kind.OWNER_LATE_APOLOGY);
		assertThat(apology.recipient()).isEqualTo("13800000001");
		assertThat(apology.body()).startsWith("【示范物业】抱歉").contains(number, "晚到");
	}

}
