package org.suxiu.notification.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.suxiu.notification.DeliveryResult;
import org.suxiu.notification.SmsGateway;
import org.suxiu.shared.PhoneNumber;

/**
 * The gateway when no SMS provider is configured: sends nothing, logs each message and
 * reports it sent, so that the message log ({@code GET /api/v1/admin/messages}) shows
 * what would have gone out. Sign-in codes appear in the log only in the embedded demo
 * run, where there is no other way to read them.
 */
class RecordingSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(RecordingSmsGateway.class);

	private static final java.util.regex.Pattern MOBILE_IN_TEXT = java.util.regex.Pattern
		.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

	private final boolean showCodes;

	RecordingSmsGateway(boolean showCodes) {
		this.showCodes = showCodes;
		if (!showCodes) {
			log.warn("No SMS provider configured (suxiu.notification.sms.provider): SMS are recorded, not sent");
		}
	}

	@Override
	public DeliveryResult send(Sms sms) {
		String body = sms.template().equals("SIGN_IN_CODE") && !showCodes ? sms.body().replaceAll("\\d{6}", "******")
				: sms.body();
		// a body may name a technician's or owner's number: never in full in the log
		log.info("SMS to {} [{}]: {}", PhoneNumber.mask(sms.phone()), sms.template(),
				MOBILE_IN_TEXT.matcher(body).replaceAll("$1****$2"));
		return DeliveryResult.sent("log-" + sms.reference());
	}

}
