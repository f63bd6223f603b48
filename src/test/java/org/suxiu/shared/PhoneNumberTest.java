package org.suxiu.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PhoneNumberTest {

	@ParameterizedTest
	@ValueSource(strings = { "13800000001", "19912345678", "010-12345678", "0755-1234567", "02112345678",
			"010-12345678-123" })
	void acceptsMainlandMobilesAndLandlines(String number) {
		assertThat(PhoneNumber.isValid(number)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "12800000001", "1380000000", "138000000012", "2380000000", "+8613800000001",
			"138-0000-0001", "" })
	void refusesAnythingElse(String number) {
		assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber(number));
	}

	@ParameterizedTest
	@CsvSource({ "13800000001,138****0001", "010-12345678,010-****5678", "07551234567,075****4567" })
	void masksTheMiddleDigits(String number, String masked) {
		assertThat(new PhoneNumber(number).masked()).isEqualTo(masked);
	}

}
