package org.suxiu.notification.channel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.suxiu.live.LiveFeed;
import org.suxiu.live.Recipient;
import org.suxiu.notification.Channel;
import org.suxiu.notification.DeliveryResult;
import org.suxiu.notification.MessageChannel;
import org.suxiu.notification.OutgoingMessage;
import org.suxiu.property.Account;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Role;

/**
 * In-app messages (channel APP): the message goes into the recipient's live feed as a
 * {@code message} event, so the app shows it at once if connected and replays it on
 * reconnecting (for as long as the feed keeps events).
 */
@Component
class InAppChannel implements MessageChannel {

	private final LiveFeed feed;

	private final PropertyDirectory property;

	InAppChannel(LiveFeed feed, PropertyDirectory property) {
		this.feed = feed;
		this.property = property;
	}

	@Override
	public Channel channel() {
		return Channel.APP;
	}

	@Override
	public DeliveryResult send(OutgoingMessage message) {
		String username = message.recipientUsername() != null ? message.recipientUsername() : message.recipient();
		// an owner's username is their mobile number, which a staff username may also be:
		// look where the message's audience lives first
		boolean forOwner = message.template().startsWith("OWNER_") || message.template().startsWith("REPORTER_")
				|| message.template().equals("SIGN_IN_CODE");
		Optional<Account> account = forOwner ? property.ownerAccount(username).or(() -> property.staffAccount(username))
				: property.staffAccount(username).or(() -> property.ownerAccount(username));
		Optional<Actor> person = account.map(Account::actor);
		if (person.isEmpty()) {
			return DeliveryResult.rejected("no account " + username + " to show an in-app message to");
		}
		Actor actor = person.get();
		Recipient recipient = actor.is(Role.OWNER) ? Recipient.owner(actor.id())
				: Recipient.staff(actor.tenantId(), actor.id());
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("messageId", message.id());
		fields.put("template", message.template());
		fields.put("subject", message.subject());
		fields.put("body", message.body());
		feed.append(recipient, "message", message.params().get("number"), fields);
		return DeliveryResult.sent(message.reference());
	}

}
