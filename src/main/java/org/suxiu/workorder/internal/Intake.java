package org.suxiu.workorder.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.IntakePlace;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.Site;
import org.suxiu.shared.Actor;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.InvalidInput.FieldError;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;
import tools.jackson.databind.json.JsonMapper;
import org.suxiu.triage.Triage;
import org.suxiu.triage.TriageResult;
import org.suxiu.workorder.Appointment;
import org.suxiu.workorder.Channel;
import org.suxiu.workorder.GradeSource;
import org.suxiu.workorder.HistoryEntry;
import org.suxiu.workorder.Location;
import org.suxiu.workorder.NewWorkOrder;
import org.suxiu.workorder.OrderAssets;
import org.suxiu.workorder.SystemReport;
import org.suxiu.workorder.Reporter;

/**
 * Takes repair requests in from every channel (R1, R2): checks who may report what and
 * where, grades them, numbers them and stores them, all in one transaction.
 */
@Service
class Intake {

	static final Duration MAX_BACKDATING = Duration.ofDays(7);

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final WorkOrderRepository orders;

	private final PropertyDirectory directory;

	private final Triage triage;

	private final IdempotencyKeys idempotency;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SuxiuProperties properties;

	private final JsonMapper json;

	private final ObjectProvider<OrderAssets> assets;

	Intake(WorkOrderRepository orders, PropertyDirectory directory, Triage triage, IdempotencyKeys idempotency,
			ApplicationEventPublisher events, Clock clock, SuxiuProperties properties, JsonMapper json,
			ObjectProvider<OrderAssets> assets) {
		this.json = json;
		this.assets = assets;
		this.orders = orders;
		this.directory = directory;
		this.triage = triage;
		this.idempotency = idempotency;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * The created order, or the original one when {@code idempotencyKey} was seen with
	 * this body.
	 */
	@Transactional
	Created create(Actor actor, NewWorkOrder request, String idempotencyKey) {
		if (idempotencyKey != null) {
			Optional<String> original = idempotency.claim(actor, idempotencyKey, request);
			if (original.isPresent()) {
				WorkOrder earlier = orders.find(original.get()).orElseThrow();
				return new Created(earlier, false, orders.history(earlier.id));
			}
		}
		WorkOrder order = intake(actor, request);
		if (idempotencyKey != null) {
			idempotency.complete(actor, idempotencyKey, order.number);
		}
		// no re-read: the order is as stored, and its deadlines are the SLA engine's to
		// tell
		return new Created(order, true, order.newHistory());
	}

	/** Opens the rework order (返修) for an original whose repair did not hold. */
	WorkOrder rework(Actor actor, WorkOrder original) {
		Instant now = now();
		WorkOrder rework = WorkOrder.intake(number(now), original.site, original.category, original.channel,
				original.description, original.reporter, original.reporterOwnerId, actor, original.grade,
				GradeSource.MANUAL, GradeNote.NONE, null, now, now, original.number);
		rework.assetId = original.assetId;
		return store(rework);
	}

	/**
	 * Raises an order on the system's behalf (a device alarm, plan work, a failed check),
	 * in the caller's transaction.
	 */
	@Transactional
	WorkOrder raise(SystemReport report) {
		if (report.channel() != Channel.IOT && report.channel() != Channel.INSPECTION) {
			throw new IllegalArgumentException("the system raises IOT and INSPECTION orders only");
		}
		List<FieldError> errors = new ArrayList<>();
		Location location = report.location();
		IntakePlace found = lookUp(location, null);
		if (found.project().isEmpty()) {
			throw new InvalidInput("location.projectCode", "unknown project");
		}
		Site site = resolve(location, found, errors).map(Place::site).orElse(null);
		if (site == null) {
			throw new InvalidInput(errors);
		}
		NewWorkOrder request = new NewWorkOrder(report.channel(), null, location, report.category(),
				report.description(), report.grade(), report.appointment(), null, report.assetId());
		checkAsset(request, site, errors);
		Grading grading = grade(site, request);
		checkAppointment(request, grading.grade(), now(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Instant now = now();
		WorkOrder order = WorkOrder.intake(number(now), site, report.category(), report.channel(), report.description(),
				new Reporter(SYSTEM_REPORTER, ""), null, report.source(), "SYSTEM", grading.grade(),
				report.grade() == null ? GradeSource.AUTO : GradeSource.MANUAL, grading.note(), report.appointment(),
				now, now, null);
		order.assetId = report.assetId();
		return store(order);
	}

	/** The reporter's name on orders the system raises. */
	static final String SYSTEM_REPORTER = "系统 SuXiu";

	private WorkOrder intake(Actor actor, NewWorkOrder request) {
		checkChannel(actor, request.channel());
		Instant now = now();
		List<FieldError> errors = new ArrayList<>();
		Place place;
		Reporter reporter;
		Long ownerId;
		if (actor.is(Role.OWNER)) {
			place = ownersSite(actor, request.location(), errors);
			// the owner reports as themselves: a name or number in the body is not taken
			reporter = new Reporter(actor.name(), actor.username());
			ownerId = actor.id();
			if (request.reportedAt() != null) {
				errors.add(new FieldError("reportedAt", "only staff may backdate a report"));
			}
		}
		else {
			reporter = request.reporter();
			if (reporter == null) {
				errors.add(new FieldError("reporter", "is required when staff enter an order"));
			}
			// one look-up for the project, the place and the reporter's owner account
			IntakePlace found = request.location() == null ? null
					: lookUp(request.location(), reporter == null ? null : reporter.phone());
			place = staffSite(actor, request.location(), found, errors);
			// without a location the request is refused below, so no owner is needed
			ownerId = found == null || reporter == null ? null : found.ownerId().orElse(null);
		}
		Site site = place == null ? null : place.site();
		if (site != null && !place.acceptsOrders()) {
			throw new BusinessRuleViolation("project-archived",
					"Project " + site.project().code() + " is archived and takes no new orders 项目已归档，不再受理报修");
		}
		if (hasControlCharacters(request.description())) {
			errors.add(new FieldError("description", "must not contain control characters"));
		}
		if (reporter != null && (hasControlCharacters(reporter.name()) || hasControlCharacters(reporter.phone()))) {
			errors.add(new FieldError("reporter", "must not contain control characters"));
		}
		Instant reportedAt = reportedAt(request, now, errors);
		if (site != null) {
			checkAsset(request, site, errors);
		}
		// owners never grade their own report: the rules do (AUTO), staff may regrade
		Grade requested = actor.is(Role.OWNER) ? null : request.grade();
		Grading grading = requested != null || site == null ? new Grading(requested, GradeNote.NONE)
				: grade(site, request);
		checkAppointment(request, grading.grade(), now, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		GradeSource source = requested == null ? GradeSource.AUTO : GradeSource.MANUAL;
		WorkOrder order = WorkOrder.intake(number(now), site, request.category(), request.channel(),
				request.description(), reporter, ownerId, actor, grading.grade(), source, grading.note(),
				request.appointment(), reportedAt, now, null);
		order.assetId = request.assetId();
		return store(order);
	}

	/** The grade the rules give a request (the requested one if given). */
	private Grading grade(Site site, NewWorkOrder request) {
		if (request.grade() != null) {
			return new Grading(request.grade(), GradeNote.NONE);
		}
		TriageResult result = triage.grade(site.project().tenantId(), request.category(), request.description());
		Grade grade = result.grade();
		GradeNote gradeNote = new GradeNote(result.explanation(), result.uncertain(), json.writeValueAsString(result));
		if (grade == Grade.L4 && request.appointment() == null) {
			// planned work needs an agreed time: until someone agrees one it is
			// handled as general work, and a person confirms the grade
			grade = Grade.L3;
			gradeNote = new GradeNote(result.explanation() + "; 计划类但未约时间，按一般处理 planned work without a time: L3", true,
					gradeNote.explanation());
		}
		return new Grading(grade, gradeNote);
	}

	private record Grading(Grade grade, GradeNote note) {
	}

	/** Named equipment must stand in the order's project. */
	private void checkAsset(NewWorkOrder request, Site site, List<FieldError> errors) {
		if (request.assetId() == null) {
			return;
		}
		OrderAssets answer = assets.getIfAvailable();
		if (answer == null || !answer.standsIn(request.assetId(), site.project().id())) {
			errors.add(new FieldError("assetId", "unknown asset in this project 本项目没有该设备"));
		}
	}

	private WorkOrder store(WorkOrder order) {
		orders.insert(order);
		order.events().forEach(events::publishEvent);
		return order;
	}

	/**
	 * {@code BX} + the business day + a database sequence: unique across tenants and
	 * instances.
	 */
	private String number(Instant now) {
		String day = LocalDate.ofInstant(now, properties.zone()).format(DAY);
		// as String.format("%06d") would write it, without parsing a format per order
		String sequence = Long.toString(orders.nextSequence());
		return "BX" + day + "000000".substring(Math.min(6, sequence.length())) + sequence;
	}

	private static void checkChannel(Actor actor, Channel channel) {
		if (channel == Channel.IOT) {
			throw new BusinessRuleViolation("channel-not-allowed",
					"IOT orders are raised by devices through /api/v1/devices/{deviceId}/alarms");
		}
		boolean ownerChannel = channel == Channel.APP || channel == Channel.WECHAT;
		if (actor.is(Role.OWNER) != ownerChannel) {
			throw new BusinessRuleViolation("channel-not-allowed",
					actor.is(Role.OWNER) ? "Owners report through APP or WECHAT"
							: "Staff enter orders as HOTLINE, FRONT_DESK or INSPECTION");
		}
		if (actor.is(Role.MANAGER)) {
			throw new Forbidden("Managers do not enter orders");
		}
		if (actor.is(Role.TECHNICIAN) != (channel == Channel.INSPECTION)) {
			throw new BusinessRuleViolation("channel-not-allowed",
					actor.is(Role.TECHNICIAN) ? "Technicians report faults found on inspection (INSPECTION)"
							: "INSPECTION orders are raised by technicians on their rounds");
		}
	}

	private Place ownersSite(Actor owner, Location location, List<FieldError> errors) {
		List<Site> homes = directory.homesOf(owner.id());
		if (location == null) {
			if (homes.isEmpty()) {
				errors.add(new FieldError("location", "you have no registered home; give a location"));
				return null;
			}
			Site home = homes.get(0);
			return new Place(home, directory.acceptsOrders(home.project().id()));
		}
		Optional<Place> place = resolve(location, lookUp(location, null), errors);
		if (place.isEmpty()) {
			return null;
		}
		Site site = place.get().site();
		boolean ownHome = site.isHome() && homes.stream().anyMatch(h -> h.homeId().equals(site.homeId()));
		boolean ownProjectArea = !site.isHome()
				&& homes.stream().anyMatch(h -> h.project().id() == site.project().id());
		if (!ownHome && !ownProjectArea) {
			errors.add(new FieldError("location", "not one of your homes or your project's common areas"));
			return null;
		}
		return place.get();
	}

	private Place staffSite(Actor actor, Location location, IntakePlace found, List<FieldError> errors) {
		if (location == null) {
			errors.add(new FieldError("location", "is required"));
			return null;
		}
		// another tenant's project answers exactly like one that does not exist
		boolean served = found.project().filter(p -> actor.serves(p.tenantId(), p.id())).isPresent();
		if (!served) {
			errors.add(new FieldError("location.projectCode", "unknown project"));
			return null;
		}
		return resolve(location, found, errors).orElse(null);
	}

	private IntakePlace lookUp(Location location, String reporterPhone) {
		return directory.intakePlace(location.projectCode(), location.building(), location.unit(), location.room(),
				location.area(), reporterPhone);
	}

	private Optional<Place> resolve(Location location, IntakePlace found, List<FieldError> errors) {
		if (location.isArea()) {
			if (found.site().isEmpty()) {
				errors.add(new FieldError("location.area", "unknown common area in this project"));
			}
			return found.site().map(site -> new Place(site, found.acceptsOrders()));
		}
		if (isBlank(location.building()) || isBlank(location.unit()) || isBlank(location.room())) {
			errors.add(new FieldError("location", "give building, unit and room, or a common area"));
			return Optional.empty();
		}
		if (found.site().isEmpty()) {
			errors.add(new FieldError("location", "unknown home " + location.building() + "-" + location.unit() + "-"
					+ location.room() + " in this project"));
		}
		return found.site().map(site -> new Place(site, found.acceptsOrders()));
	}

	/** A resolved place and whether its project takes new orders. */
	private record Place(Site site, boolean acceptsOrders) {
	}

	private Instant reportedAt(NewWorkOrder request, Instant now, List<FieldError> errors) {
		if (request.reportedAt() == null) {
			return now;
		}
		Instant reported = request.reportedAt().toInstant();
		if (reported.isAfter(now)) {
			errors.add(new FieldError("reportedAt", "must not be in the future"));
		}
		else if (reported.isBefore(now.minus(MAX_BACKDATING))) {
			errors.add(new FieldError("reportedAt", "must be at most 7 days ago"));
		}
		return reported;
	}

	private static void checkAppointment(NewWorkOrder request, Grade grade, Instant now, List<FieldError> errors) {
		Appointment appointment = request.appointment();
		if (appointment == null) {
			if (grade == Grade.L4) {
				errors.add(new FieldError("appointment", "is required for planned (L4) work"));
			}
			return;
		}
		if (!appointment.to().isAfter(appointment.from())) {
			errors.add(new FieldError("appointment.to", "must be after appointment.from"));
		}
		else if (!appointment.to().toInstant().isAfter(now)) {
			errors.add(new FieldError("appointment.to", "must be in the future"));
		}
	}

	/** PostgreSQL keeps microseconds; so does everything the API answers. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** NUL and the like: PostgreSQL refuses NUL in text, and none belongs in a report. */
	private static boolean hasControlCharacters(String text) {
		return text != null
				&& text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	record Created(WorkOrder order, boolean isNew, List<HistoryEntry> history) {
	}

}
