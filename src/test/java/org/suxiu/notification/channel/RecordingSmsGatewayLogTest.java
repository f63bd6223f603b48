package org.suxiu.notification.channel;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.suxiu.notification.SmsGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the demo run the recording gateway's log line shows no sign-in code and no
 * phone number in full, neither the recipient's nor one in the body.
 */
@ExtendWith(OutputCaptureExtension.class)
class RecordingSmsGatewayLogTest {

	private final RecordingSmsGateway gateway = new RecordingSmsGateway(false);

	@Test
	void neverLogsASignInCode(CapturedOutput output) {
		gateway.send(new SmsGateway.Sms("13800000001", "SIGN_IN_CODE", "zh-CN", Map.of("code", "482913"),
				"【示范物业】验证码482913，5分钟内有效", "code-1"));

		assertThat(output.getOut()).contains("SMS to 138****0001").doesNotContain("482913");
	}

	@Test
	void neverLogsAPhoneNumberInFull(CapturedOutput output) {
		gateway.send(new SmsGateway.Sms("13800000001", "ORDER_TAKEN", "zh-CN", Map.of(),
				"【示范物业】BX20261127000123 师傅王五(13900000211)已接单", "order-1"));

		assertThat(output.getOut()).contains("BX20261127000123", "139****0211")
			.doesNotContain("13800000001")
			.doesNotContain("13900000211");
	}

}
