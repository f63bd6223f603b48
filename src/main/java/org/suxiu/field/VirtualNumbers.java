package org.suxiu.field;

import java.time.Duration;
import java.time.Instant;

/**
 * 隐私号 (AXB) calling: a provider lends a middle number X that connects A and B for a
 * while, so that neither sees the other's real number. Calls are recorded unless told
 * otherwise ({@code suxiu.calls.record}, on by default: disputes over what was agreed on
 * the phone are settled by the recording).
 */
public interface VirtualNumbers {

	/**
	 * Binds A and B through a middle number.
	 * @param a the caller's real number
	 * @param b the callee's real number
	 * @param reference what the call is about (the order number), for the provider's
	 * records
	 * @param ttl how long the binding lasts
	 * @param record whether calls through it are recorded
	 * @throws Unavailable when the provider cannot bind now
	 */
	Binding bind(String a, String b, String reference, Duration ttl, boolean record);

	/**
	 * A binding.
	 *
	 * @param number the middle number X to dial
	 * @param expiresAt when it stops connecting
	 * @param recorded whether calls are recorded
	 */
	record Binding(String number, Instant expiresAt, boolean recorded) {
	}

	/** The provider could not bind a number now (503); the caller may try again later. */
	class Unavailable extends org.suxiu.shared.DomainException {

		public Unavailable(String message) {
			super("call-unavailable", org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "Call unavailable",
					message);
		}

	}

}
