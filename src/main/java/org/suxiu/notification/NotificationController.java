package org.suxiu.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.notification.Preferences.Preference;
import org.suxiu.notification.Preferences.UserKind;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;

/**
 * The message log for administrators, and everybody's own notification preferences.
 */
@RestController
@Validated
@Tag(name = "Notifications 通知")
class NotificationController {

	private final MessageLog log;

	private final Preferences preferences;

	private final Outbox outbox;

	private final Clock clock;

	private final ZoneId zone;

	NotificationController(MessageLog log, Preferences preferences, Outbox outbox, Clock clock,
			SuxiuProperties properties) {
		this.log = log;
		this.preferences = preferences;
		this.outbox = outbox;
		this.clock = clock;
		this.zone = properties.zone();
	}

	@GetMapping("/api/v1/admin/messages")
	@Operation(summary = "Messages sent or to be sent, newest first 消息记录 (ADMIN)",
			description = "The administrator's own company's messages; recipient is a mobile number or e-mail address.")
	MessagePage messages(Actor actor, @RequestParam(required = false) @Size(max = 100) String recipient,
			@RequestParam(required = false) Channel channel, @RequestParam(required = false) MessageStatus status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		if (!actor.is(Role.ADMIN) || actor.tenantId() == null) {
			throw new Forbidden("The message log is for administrators");
		}
		MessageLog.Page result = log.page(actor.tenantId(), recipient == null || recipient.isBlank() ? null : recipient,
				channel, status == null ? null : status.name(), page, size);
		List<MessageView> items = result.items().stream().map(entry -> MessageView.of(entry, zone)).toList();
		return new MessagePage(items, page, size, result.total());
	}

	@GetMapping("/api/v1/me/notification-preferences")
	@Operation(summary = "How I want to be notified 我的通知设置")
	PreferencesView mine(Actor actor) {
		return view(preferences.of(kind(actor), actor.id()));
	}

	@PutMapping("/api/v1/me/notification-preferences")
	@Operation(summary = "Choose channels, e-mail address and language 修改通知设置",
			description = "channels in order of preference (SMS, EMAIL, APP, WECHAT); a channel this installation "
					+ "does not offer is kept and skipped, SMS is the fallback. EMAIL needs an e-mail address.")
	PreferencesView change(Actor actor, @Valid @RequestBody PreferencesRequest request) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (request.channels().contains(Channel.EMAIL) && (request.email() == null || request.email().isBlank())) {
			errors.add(new InvalidInput.FieldError("email", "is required for the EMAIL channel"));
		}
		if (request.language() != null && !Languages.ALL.contains(request.language())) {
			errors.add(new InvalidInput.FieldError("language", "must be zh-CN or en"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Preference preference = new Preference(List.copyOf(new LinkedHashSet<>(request.channels())),
				request.email() == null || request.email().isBlank() ? null : request.email().trim(),
				request.language() == null ? Languages.CHINESE : request.language());
		preferences.save(kind(actor), actor.id(), preference, clock.instant());
		return view(preference);
	}

	private PreferencesView view(Preference preference) {
		return new PreferencesView(preference.channels(), preference.email(), preference.language(),
				outbox.available());
	}

	private static UserKind kind(Actor actor) {
		return actor.is(Role.OWNER) ? UserKind.OWNER : UserKind.STAFF;
	}

	/** A message's delivery status. */
	enum MessageStatus {

		PENDING, SENT, FAILED

	}

	record MessagePage(List<MessageView> items, int page, int size, long total) {
	}

	record MessageView(long id, Channel channel, String recipient, String recipientName, String body, String status,
			OffsetDateTime createdAt, OffsetDateTime sentAt, String kind, String orderNumber, String subject,
			int attempts, String lastError, OffsetDateTime nextAttemptAt, String providerMessageId, String grade,
			Long fallbackOf, String fallbackReason) {

		static MessageView of(MessageLog.Entry entry, ZoneId zone) {
			boolean pending = "PENDING".equals(entry.status());
			return new MessageView(entry.id(), entry.channel(), entry.recipient(), entry.recipientName(), entry.body(),
					entry.status(), at(entry.createdAt(), zone), at(entry.sentAt(), zone), entry.kind(),
					entry.orderNumber(), entry.subject(), entry.attempts(), entry.lastError(),
					pending ? at(entry.nextAttemptAt(), zone) : null, entry.providerMessageId(), entry.grade(),
					entry.fallbackOf(), entry.fallbackReason());
		}

		private static OffsetDateTime at(Instant instant, ZoneId zone) {
			return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
		}

	}

	/**
	 * @param channels in order of preference
	 * @param email for EMAIL
	 * @param language {@code zh-CN} (default) or {@code en}
	 */
	record PreferencesRequest(@NotEmpty @Size(max = 4) List<@NotNull Channel> channels,
			@Email @Size(max = 200) String email, String language) {
	}

	/**
	 * @param availableChannels the channels this installation can send on now
	 */
	record PreferencesView(List<Channel> channels, String email, String language, List<Channel> availableChannels) {
	}

}
