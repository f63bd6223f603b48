package org.suxiu.aftercare;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;

/** Which accepted orders get a follow-up call, and the sample of the rest. */
class CallSelectionTest {

	private static final AftercareRules DEFAULTS = AftercareRules.defaults();

	@Test
	void everyEmergencyAndUrgentOrderGetsACall() {
		assertThat(CallSelection.reason(DEFAULTS, "BX20261127000001", Grade.L1, 5, false)).contains(CallReason.GRADE);
		assertThat(CallSelection.reason(DEFAULTS, "BX20261127000001", Grade.L2, null, false))
			.contains(CallReason.GRADE);
	}

	@Test
	void anOrderWithAChargeGetsACall() {
		assertThat(CallSelection.reason(DEFAULTS, unsampled(), Grade.L3, 5, true)).contains(CallReason.CHARGED);
	}

	@Test
	void aLowRatingGetsACallAndAGoodOneDoesNot() {
		String number = unsampled();

		assertThat(CallSelection.reason(DEFAULTS, number, Grade.L3, 2, false)).contains(CallReason.LOW_RATING);
		assertThat(CallSelection.reason(DEFAULTS, number, Grade.L4, 3, false)).isEmpty();
	}

	@Test
	void theSampleIsTheSameForTheSameNumberEveryTime() {
		List<Boolean> first = numbers().stream().map(n -> CallSelection.sampled(n, 20)).toList();
		List<Boolean> second = numbers().stream().map(n -> CallSelection.sampled(n, 20)).toList();

		assertThat(first).isEqualTo(second);
	}

	@Test
	void theSampleTakesAboutTheRateOfConsecutiveNumbers() {
		long sampled = numbers().stream().filter(n -> CallSelection.sampled(n, 20)).count();

		assertThat(sampled).isBetween(1_800L, 2_200L);
	}

	@Test
	void noneAtZeroPercentAndAllAtAHundred() {
		assertThat(numbers().stream().noneMatch(n -> CallSelection.sampled(n, 0))).isTrue();
		assertThat(numbers().stream().allMatch(n -> CallSelection.sampled(n, 100))).isTrue();
	}

	@Test
	void aProjectMayCallEveryGradeOrNone() {
		AftercareRules all = DEFAULTS.with(new AftercareRules(List.of(Grade.L1, Grade.L2, Grade.L3, Grade.L4), null, 0,
				0, null, null, null, null, null, Map.of(), null));

		assertThat(CallSelection.reason(all, unsampled(), Grade.L4, 5, false)).contains(CallReason.GRADE);
	}

	private static List<String> numbers() {
		return IntStream.range(0, 10_000).mapToObj(i -> String.format("BX20261127%06d", i)).toList();
	}

	private static String unsampled() {
		return numbers().stream().filter(n -> !CallSelection.sampled(n, 20)).findFirst().orElseThrow();
	}

}
