package org.suxiu.notification;

/**
 * An SMS provider. The default one records and logs messages without sending them;
 * {@code suxiu.notification.sms.provider=aliyun} sends through Aliyun SMS.
 */
public interface SmsGateway {

	DeliveryResult send(Sms sms);

	/**
	 * One SMS.
	 *
	 * @param phone mainland mobile number
	 * @param template the template (providers that send only registered templates map it
	 * to theirs)
	 * @param locale {@code zh-CN} or {@code en}
	 * @param params the template's parameters, rendered
	 * @param body the whole text, signature included, as the recipient will read it
	 * @param reference our stable id for the message (Aliyun {@code OutId})
	 */
	record Sms(String phone, String template, String locale, java.util.Map<String, String> params, String body,
			String reference) {
	}

}
