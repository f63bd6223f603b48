package org.suxiu.asset.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.asset.AlarmCleared;
import org.suxiu.asset.AlarmRaised;
import org.suxiu.asset.AssetView;
import org.suxiu.asset.internal.AlarmStore.Alarm;
import org.suxiu.asset.internal.DeviceStore.Device;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.workorder.Channel;
import org.suxiu.workorder.Location;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.SystemReport;
import org.suxiu.workorder.WorkOrders;

/**
 * Turns device alarms into orders (R1, IoT): a new alarm opens an order for the
 * equipment, repeats while it is open are counted on it, a clearing closes it, and an
 * alarm back within the flap window reopens the same alarm and order. The device's row is
 * locked for each message, so however many instances receive a burst, one alarm opens one
 * order; a unique index on the open alarm holds the same line.
 */
@Service
class AlarmIntake {

	private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	private static final Pattern SEVERITY = Pattern.compile("[A-Z]{1,20}");

	private static final Duration OLDEST = Duration.ofDays(1);

	private static final Set<Status> FINISHED = EnumSet.of(Status.COMPLETED, Status.ACCEPTED, Status.CLOSED,
			Status.CANCELLED);

	private final DeviceStore devices;

	private final AlarmStore alarms;

	private final AssetStore assets;

	private final WorkOrders orders;

	private final AlarmProperties properties;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	AlarmIntake(DeviceStore devices, AlarmStore alarms, AssetStore assets, WorkOrders orders,
			AlarmProperties properties, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.devices = devices;
		this.alarms = alarms;
		this.assets = assets;
		this.orders = orders;
		this.properties = properties;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Takes one message in, all or nothing.
	 * @throws DeviceRefused for an unknown device, a wrong key, a bad or replayed
	 * signature
	 * @throws InvalidInput for a malformed message
	 */
	@Transactional
	AlarmReceipt receive(String deviceId, String key, String timestamp, String signature, byte[] body) {
		return receive(deviceId, key, timestamp, signature, null, body);
	}

	/**
	 * Takes one message in, all or nothing; a message id seen from the device within the
	 * replay window answers DUPLICATE and changes nothing (a broker's second delivery, or
	 * the same message received by two instances).
	 */
	@Transactional
	AlarmReceipt receive(String deviceId, String key, String timestamp, String signature, String messageId,
			byte[] body) {
		Device device = devices.find(deviceId == null ? "" : deviceId)
			.filter(d -> DeviceKeys.matches(key, d.keyHash()))
			.orElseThrow(DeviceRefused::new);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (timestamp != null || signature != null) {
			if (timestamp == null || signature == null || !DeviceKeys.signedNow(key, timestamp, signature, body, now)
					|| !alarms.firstSighting(device.id(), signature, now)) {
				throw new DeviceRefused();
			}
		}
		Checked alarm = check(read(body), now);
		if (messageId != null && !alarms.firstSighting(device.id(), "message:" + messageId, now)) {
			return new AlarmReceipt(null, "DUPLICATE", null, null);
		}
		if (!alarm.cleared()) {
			// most messages of a storm repeat an open alarm: one short update, no device
			// lock
			Optional<Alarm> repeated = alarms.repeatOpen(device.id(), alarm.type(), alarm.severity(), alarm.value(),
					now);
			if (repeated.isPresent()) {
				return repeated(repeated.get(), now);
			}
		}
		devices.lock(device.id(), now);
		return alarm.cleared() ? clear(device, alarm, now) : raise(device, alarm, now);
	}

	private AlarmReceipt repeated(Alarm alarm, Instant now) {
		if (alarm.orderNumber() != null && alarm.notedAt().plus(properties.noteEvery()).isBefore(now)) {
			orders.appendSystemHistory(alarm.orderNumber(), "alarm-repeat",
					"报警重复，共 " + alarm.repeats() + " 次 · alarm repeated, " + alarm.repeats() + " times", null);
			alarms.noted(alarm.id(), now);
		}
		return new AlarmReceipt(alarm.id(), "REPEATED", alarm.orderNumber(), alarm.repeats());
	}

	private AlarmReceipt raise(Device device, Checked alarm, Instant now) {
		// under the device's lock: an alarm opened meanwhile by another instance is seen
		// here
		Optional<Alarm> open = alarms.repeatOpen(device.id(), alarm.type(), alarm.severity(), alarm.value(), now);
		if (open.isPresent()) {
			return repeated(open.get(), now);
		}
		Optional<Alarm> flapping = alarms.clearedSince(device.id(), alarm.type(), now.minus(properties.flapWindow()))
			.filter(a -> a.orderNumber() != null && stillOpen(a.orderNumber()));
		if (flapping.isPresent()) {
			Alarm back = flapping.get();
			int repeats = alarms.reopen(back.id(), alarm.severity(), alarm.value(), now);
			orders.appendSystemHistory(back.orderNumber(), "alarm-reopened",
					"报警解除后很快再次出现，沿用本单 · alarm back soon after clearing: same order", null);
			return new AlarmReceipt(back.id(), "REOPENED", back.orderNumber(), repeats);
		}
		AssetView asset = assets.find(device.assetId()).orElseThrow();
		long id = alarms.insert(device.id(), asset.id(), alarm.type(), alarm.severity(), alarm.value(), now);
		AlarmProperties.Rule rule = properties.rules().get(alarm.type());
		Category category = rule != null && rule.category() != null ? rule.category() : asset.type().category();
		Grade grade = rule == null ? null : rule.gradeFor(asset.type());
		String text = rule != null && rule.text() != null ? rule.text() : "设备报警";
		String description = text + "：" + asset.name() + "（" + asset.place() + "），" + device.name() + "，级别 "
				+ alarm.severity() + (alarm.value() == null ? "" : "，读数 " + alarm.value()) + " · device alarm "
				+ alarm.type();
		String number = orders
			.raise(new SystemReport(Channel.IOT, new Location(asset.projectCode(), null, null, null, asset.place()),
					category, description, grade, null, asset.id(), "device:" + device.deviceId()));
		alarms.orderOpened(id, number);
		events.publishEvent(new AlarmRaised(id, device.deviceId(), asset.id(), asset.tenantId(), asset.projectId(),
				alarm.type(), alarm.severity(), number, now));
		return new AlarmReceipt(id, "OPENED", number, 1);
	}

	private AlarmReceipt clear(Device device, Checked alarm, Instant now) {
		Optional<Alarm> open = alarms.open(device.id(), alarm.type());
		if (open.isEmpty()) {
			return new AlarmReceipt(null, "NOT_OPEN", null, null);
		}
		Alarm cleared = open.get();
		alarms.clear(cleared.id(), now);
		if (cleared.orderNumber() != null) {
			orders.appendSystemHistory(cleared.orderNumber(), "alarm-cleared",
					"设备报警已解除（共报 " + cleared.repeats() + " 次）· device reports the alarm cleared", null);
		}
		events.publishEvent(new AlarmCleared(cleared.id(), device.deviceId(), device.assetId(), alarm.type(),
				cleared.orderNumber(), cleared.repeats(), now));
		return new AlarmReceipt(cleared.id(), "CLEARED", cleared.orderNumber(), cleared.repeats());
	}

	private boolean stillOpen(String number) {
		return orders.facts(number).map(f -> !FINISHED.contains(f.status())).orElse(false);
	}

	private AlarmMessage read(byte[] body) {
		try {
			AlarmMessage message = json.readValue(body, AlarmMessage.class);
			if (message == null) {
				throw new InvalidInput("body", "an alarm object is required");
			}
			return message;
		}
		catch (JacksonException ex) {
			throw new InvalidInput("body",
					"malformed alarm: {\"type\",\"severity\",\"value\",\"at\",\"state\": \"RAISED|CLEARED\"}");
		}
	}

	/** A message that passed its checks. */
	private record Checked(String type, String severity, String value, boolean cleared) {
	}

	private static Checked check(AlarmMessage m, Instant now) {
		java.util.List<InvalidInput.FieldError> errors = new java.util.ArrayList<>();
		String type = m.type() == null ? "" : m.type().strip().toUpperCase(Locale.ROOT);
		if (!TYPE.matcher(type).matches()) {
			errors.add(new InvalidInput.FieldError("type", "1–40 letters, digits or _, e.g. LIFT_ENTRAPMENT"));
		}
		String severity = m.severity() == null ? "" : m.severity().strip().toUpperCase(Locale.ROOT);
		if (!SEVERITY.matcher(severity).matches()) {
			errors.add(new InvalidInput.FieldError("severity", "1–20 letters, e.g. CRITICAL, MAJOR, MINOR"));
		}
		String value = null;
		if (m.value() != null && !m.value().isNull()) {
			if (!m.value().isValueNode() || m.value().asString().length() > 100
					|| m.value().asString().chars().anyMatch(Character::isISOControl)) {
				errors.add(new InvalidInput.FieldError("value", "a number or a text of at most 100 characters"));
			}
			else {
				value = m.value().asString();
			}
		}
		if (m.at() != null) {
			Instant at = m.at().toInstant();
			if (at.isAfter(now.plus(DeviceKeys.SKEW)) || at.isBefore(now.minus(OLDEST))) {
				errors.add(new InvalidInput.FieldError("at", "must be within the last day and not in the future"));
			}
		}
		String state = m.state() == null ? "RAISED" : m.state().strip().toUpperCase(Locale.ROOT);
		if (!state.equals("RAISED") && !state.equals("CLEARED")) {
			errors.add(new InvalidInput.FieldError("state", "RAISED or CLEARED"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return new Checked(type, severity, value, state.equals("CLEARED"));
	}

}
