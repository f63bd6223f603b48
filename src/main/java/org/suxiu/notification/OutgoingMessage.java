package org.suxiu.notification;

import java.util.Map;

/**
 * A message as a channel sends it.
 *
 * @param id the message row; providers get it as their idempotency key or reference
 * (Aliyun {@code OutId}) where they take one
 * @param channel the channel
 * @param recipient the address on that channel: a mobile number or an e-mail address
 * @param recipientUsername the recipient's sign-in name, if they have an account (for
 * in-app delivery)
 * @param recipientName how to address them
 * @param template the template, e.g. {@code TECH_NEW_JOB}
 * @param locale {@code zh-CN} or {@code en}
 * @param subject a subject line for channels that show one
 * @param body the text, for SMS with the company signature
 * @param params the template's parameters as rendered, for providers that fill their own
 * registered templates
 * @param attempt which attempt this is, from 1
 */
public record OutgoingMessage(long id, Channel channel, String recipient, String recipientUsername,
		String recipientName, String template, String locale, String subject, String body, Map<String, String> params,
		int attempt) {

	public OutgoingMessage {
		params = params == null ? Map.of() : Map.copyOf(params);
	}

	/** A stable reference for the provider, the same on every attempt. */
	public String reference() {
		return "suxiu-" + id;
	}

}
