package org.suxiu.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.workorder.PastOrder;
import org.suxiu.workorder.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** Time to rescue: mean and 90th percentile minutes from the report to the rescue. */
class RescuesTest {

	private static final Instant REPORTED = Instant.parse("2026-11-02T02:00:00Z");

	@Test
	void meanAndNinetiethPercentileOfTheRecordedRescues() {
		List<PastOrder> entrapments = new ArrayList<>();
		for (int minutes = 10; minutes <= 100; minutes += 10) {
			entrapments.add(entrapment(REPORTED.plusSeconds(60L * minutes)));
		}
		entrapments.add(entrapment(null));

		SlaSummaries.Rescues rescues = SlaSummaries.Rescues.of(entrapments);

		assertThat(rescues.entrapments()).isEqualTo(11);
		assertThat(rescues.rescued()).isEqualTo(10);
		assertThat(rescues.meanMinutes()).isEqualTo(55.0);
		// as PostgreSQL's percentile_cont(0.9): 90 + 0.1 × (100 − 90)
		assertThat(rescues.p90Minutes()).isEqualTo(91.0);
	}

	@Test
	void noFiguresWithoutARecordedRescue() {
		SlaSummaries.Rescues rescues = SlaSummaries.Rescues.of(List.of(entrapment(null)));

		assertThat(rescues.rescued()).isZero();
		assertThat(rescues.meanMinutes()).isNull();
		assertThat(rescues.p90Minutes()).isNull();
	}

	private static PastOrder entrapment(Instant rescuedAt) {
		return new PastOrder("BX1", Grade.L1, Category.ELEVATOR, "1", "1号楼1号电梯", REPORTED, null, null,
				REPORTED.plusSeconds(300), null, null, Status.ARRIVED, REPORTED.plusSeconds(60), rescuedAt);
	}

}
