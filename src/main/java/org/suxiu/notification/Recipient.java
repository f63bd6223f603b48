package org.suxiu.notification;

import java.util.List;

/**
 * A person a message is for, with the addresses and preferences to reach them.
 *
 * @param key who they are, stable across messages: {@code staff:12}, {@code owner:3} or
 * {@code phone:13800000001} for a caller without an account
 * @param username their sign-in name, or {@code null}
 * @param name how to address them
 * @param phone their mobile number, or {@code null}
 * @param email their e-mail address, or {@code null}
 * @param language {@code zh-CN} or {@code en}
 * @param channels the channels they prefer, in order
 * @param staff whether they are staff (whom the company must always be able to reach)
 * @param wechat their openid on the Official Account, or {@code null}
 */
record Recipient(String key, String username, String name, String phone, String email, String language,
		List<Channel> channels, boolean staff, String wechat) {

	Recipient {
		channels = List.copyOf(channels);
		language = Languages.normalise(language);
	}

	/** Someone not bound to WeChat. */
	Recipient(String key, String username, String name, String phone, String email, String language,
			List<Channel> channels, boolean staff) {
		this(key, username, name, phone, email, language, channels, staff, null);
	}

	/** Their address on a channel, or {@code null} if they have none there. */
	String address(Channel channel) {
		return switch (channel) {
			case SMS -> phone != null && org.suxiu.shared.PhoneNumber.isValid(phone)
					&& new org.suxiu.shared.PhoneNumber(phone).isMobile() ? phone : null;
			case EMAIL -> email;
			case APP -> username;
			case WECHAT -> wechat;
		};
	}

}
