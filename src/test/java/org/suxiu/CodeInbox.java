package org.suxiu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.suxiu.shared.SignInCodeSender;

/**
 * The owner's phone in tests: sign-in codes still go through the real sender (the
 * recording SMS gateway, the message log), and the last code per number is kept here for
 * the test to type in.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CodeInbox {

	private static final Map<String, String> LAST = new ConcurrentHashMap<>();

	/** The last code sent to {@code phone}, or {@code null}. */
	public static String lastCodeSentTo(String phone) {
		return LAST.get(phone);
	}

	@Bean
	@Primary
	SignInCodeSender recordingSignInCodeSender(@Qualifier("signInCodeMessages") SignInCodeSender real) {
		return (phone, code, validFor) -> {
			boolean sent = real.send(phone, code, validFor);
			if (sent) {
				LAST.put(phone, code);
			}
			return sent;
		};
	}

}
