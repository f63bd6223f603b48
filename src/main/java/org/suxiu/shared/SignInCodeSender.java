package org.suxiu.shared;

import java.time.Duration;

/**
 * Sends a one-time sign-in code (验证码) by SMS at once. Identity issues codes and the
 * notification module delivers them, without identity depending on it.
 */
public interface SignInCodeSender {

	/**
	 * Sends the code now.
	 * @param phone the mainland mobile number
	 * @param code the code in clear; it is never stored in clear
	 * @param validFor how long it may be used
	 * @return whether the provider accepted the message
	 */
	boolean send(String phone, String code, Duration validFor);

}
