package org.suxiu.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurationFieldTest {

	@Test
	void readsIsoLimitsAsNumberAndUnit() {
		assertThat(DurationField.of("PT30M")).isEqualTo(new DurationField(30L, "min"));
		assertThat(DurationField.of("PT24H")).isEqualTo(new DurationField(24L, "h"));
		assertThat(DurationField.of("P1D")).isEqualTo(new DurationField(1L, "d"));
		assertThat(DurationField.of("PT90S")).isEqualTo(new DurationField(90L, "s"));
		assertThat(DurationField.of(null).amount()).isNull();
	}

	@Test
	void writesTypedLimitsAsIso() {
		assertThat(DurationField.iso("5", "min")).isEqualTo("PT5M");
		assertThat(DurationField.iso("2", "h")).isEqualTo("PT2H");
		assertThat(DurationField.iso("3", "d")).isEqualTo("P3D");
		assertThat(DurationField.iso(" ", "d")).isNull();
	}

}
