package org.suxiu.charge;

/**
 * How the owner answered a quote: signed in on their page, with the one-time code from
 * the SMS link, on a recorded call with an agent, or no answer needed (nothing paid).
 */
public enum ConsentHow {

	SIGNED_IN, CODE, CALL, FREE

}
