package org.suxiu.notification;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.identity.SignInLocked;
import org.suxiu.shared.Role;

/**
 * Tells a person that too many wrong passwords locked their account, by their preferred
 * channel (SMS to their number, or e-mail), after the lock is committed, like
 * {@link OrderNotices}.
 */
@Component
class AccountNotices {

	private final Recipients recipients;

	private final Outbox outbox;

	AccountNotices(Recipients recipients, Outbox outbox) {
		this.recipients = recipients;
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(SignInLocked event) {
		Optional<Recipient> person = event.role() == Role.OWNER ? recipients.ownerByPhone(event.username())
				: recipients.staff(event.tenantId(), String.valueOf(event.accountId()));
		long minutes = Math.max(1, Duration.between(event.at(), event.until()).toMinutes());
		person
			.ifPresent(
					recipient -> outbox.record(
							new Notice("SignInLocked:" + event.role() + ":" + event.accountId() + ":" + event.at(),
									Kind.ACCOUNT_LOCKED, recipient, Map.of("failures", event.failures(), "username",
											event.username(), "minutes", minutes),
									event.tenantId(), null, true, false, null)));
	}

}
