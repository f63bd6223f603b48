package org.suxiu.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.shared.Grade;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrderView;
import org.suxiu.workorder.WorkOrderView.ClockView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise an open order must keep next, and whether it is already broken.
 */
class DueTest {

	private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");

	@Test
	void anOrderWithSecondsLeftIsNotLate() {
		Due due = Due.of(waiting(NOW.plusSeconds(40), 59), NOW);

		assertThat(due.usedShare()).isGreaterThanOrEqualTo(1);
		assertThat(due.lateAt(NOW)).isFalse();
	}

	@Test
	void anOrderPastItsDeadlineIsLate() {
		Due due = Due.of(waiting(NOW.minusSeconds(40), 61), NOW);

		assertThat(due.lateAt(NOW)).isTrue();
	}

	private static WorkOrderView waiting(Instant deadline, long elapsedMinutes) {
		Map<String, ClockView> sla = Map.of("respond",
				new ClockView(OffsetDateTime.ofInstant(deadline, java.time.ZoneOffset.ofHours(8)), elapsedMinutes,
						"RUNNING", null, null));
		return new WorkOrderView("BX20261127000001", Status.NEW, Grade.L1, null, false, null, null, null, "电梯困人", null,
				null, null, null, null, null, null, sla, null, null, null, null, null, null, null, false, null, null,
				null, 0, null);
	}

}
