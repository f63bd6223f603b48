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
		log.info("SMS to {} [{}]: {}", PhoneNumber.mask(sms.phone()), sms.template(), body);
		return DeliveryResult.sent("log-" + sms.reference());
	}

}
