package org.suxiu.inspection.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.asset.AssetView;
import org.suxiu.asset.Assets;
import org.suxiu.attachment.Attachments;
import org.suxiu.attachment.Upload;
import org.suxiu.inspection.CheckedIn;
import org.suxiu.inspection.CheckinPhoto;
import org.suxiu.inspection.PhotoView;
import org.suxiu.inspection.Checkin;
import org.suxiu.inspection.InspectionFaultFound;
import org.suxiu.inspection.Inspections;
import org.suxiu.inspection.ItemKind;
import org.suxiu.inspection.NewRound;
import org.suxiu.inspection.NewRoute;
import org.suxiu.inspection.RoundDetails;
import org.suxiu.inspection.RoundDetails.PointStatus;
import org.suxiu.inspection.RoundView;
import org.suxiu.inspection.RouteChange;
import org.suxiu.inspection.RouteView;
import org.suxiu.inspection.RouteView.CheckpointView;
import org.suxiu.inspection.RouteView.ItemView;
import org.suxiu.property.DuplicateEntry;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.InvalidInput.FieldError;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.workorder.Channel;
import org.suxiu.workorder.Location;
import org.suxiu.workorder.SystemReport;
import org.suxiu.workorder.WorkOrders;

/**
 * Routes, rounds and check-ins: who may plan and who may walk, the checks on results, and
 * the orders raised for failed checks in the check-in's transaction.
 */
@Service
class InspectionService implements Inspections {

	private static final Set<Role> PLANNERS = Set.of(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR);

	private final InspectionStore store;

	private final PropertyDirectory directory;

	private final Assets assets;

	private final WorkOrders orders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RoundPhotos photos;

	InspectionService(InspectionStore store, RoundPhotos photos, PropertyDirectory directory, Assets assets,
			WorkOrders orders, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.photos = photos;
		this.directory = directory;
		this.assets = assets;
		this.orders = orders;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public RouteView createRoute(Actor actor, NewRoute route) {
		requirePlanner(actor);
		Project project = directory.project(route.projectCode() == null ? "" : route.projectCode())
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new InvalidInput("projectCode", "unknown project"));
		checkRoute(project, route, errors(route), Map.of());
		long id = store.insertRoute(project.tenantId(), project.id(), project.code(), route.name().strip(), now())
			.orElseThrow(() -> new DuplicateEntry("Route 巡检路线", route.name()));
		int seq = 0;
		for (NewRoute.Point point : route.checkpoints()) {
			long checkpoint = store.insertCheckpoint(id, ++seq, point.name().strip(), point.place().strip(),
					point.assetId());
			int itemSeq = 0;
			for (NewRoute.Item item : point.items()) {
				store.insertItem(checkpoint, ++itemSeq, item.text().strip(), item.kind(), item.min(), item.max(),
						item.unit() == null || item.unit().isBlank() ? null : item.unit().strip());
			}
		}
		return view(store.route(id).orElseThrow());
	}

	@Override
	@Transactional
	public RouteView changeRoute(Actor actor, long routeId, RouteChange change) {
		// another company's route is unknown, whatever the role
		InspectionStore.Route route = store.route(routeId)
			.filter(r -> actor.serves(r.tenantId(), r.projectId()))
			.orElseThrow(() -> new NotFound("Route", String.valueOf(routeId)));
		requirePlanner(actor);
		Project project = directory.project(route.projectCode()).orElseThrow();
		NewRoute wanted = new NewRoute(route.projectCode(), change.name(), change.checkpoints());
		List<FieldError> errors = errors(wanted);
		if (change.version() == null) {
			errors.add(new FieldError("version", "the version read 请先读取路线"));
		}
		Map<Long, CheckpointView> kept = new HashMap<>();
		store.checkpoints(routeId).forEach(cp -> kept.put(cp.id(), cp));
		checkRoute(project, wanted, errors, kept);
		String name = change.name().strip();
		if (store.nameTaken(project.id(), name, routeId)) {
			throw new DuplicateEntry("Route 巡检路线", name);
		}
		if (!store.changeRoute(routeId, name, change.version())) {
			throw new ConcurrentChange("Route " + route.name() + " (edited meanwhile 已被他人修改，请刷新)");
		}
		Instant now = now();
		List<Long> points = new ArrayList<>();
		int seq = 0;
		for (NewRoute.Point point : wanted.checkpoints()) {
			long checkpoint;
			if (point.id() == null) {
				checkpoint = store.insertCheckpoint(routeId, ++seq, point.name().strip(), point.place().strip(),
						point.assetId());
			}
			else {
				checkpoint = point.id();
				store.changeCheckpoint(checkpoint, ++seq, point.name().strip(), point.place().strip(), point.assetId());
			}
			points.add(checkpoint);
			List<Long> items = new ArrayList<>();
			int itemSeq = 0;
			for (NewRoute.Item item : point.items()) {
				String unit = item.unit() == null || item.unit().isBlank() ? null : item.unit().strip();
				if (item.id() == null) {
					items.add(store.insertItem(checkpoint, ++itemSeq, item.text().strip(), item.kind(), item.min(),
							item.max(), unit));
				}
				else {
					store.changeItem(item.id(), ++itemSeq, item.text().strip(), item.kind(), item.min(), item.max(),
							unit);
					items.add(item.id());
				}
			}
			store.retireItems(checkpoint, items, now);
		}
		store.retireCheckpoints(routeId, points, now);
		return view(store.route(routeId).orElseThrow());
	}

	private static List<FieldError> errors(NewRoute route) {
		List<FieldError> errors = new ArrayList<>();
		RouteChecks.check(route, errors);
		return errors;
	}

	/**
	 * Places and equipment of the project; on an edit, kept checkpoints and items of this
	 * route only, each once. Throws the errors found.
	 */
	private void checkRoute(Project project, NewRoute route, List<FieldError> errors,
			Map<Long, CheckpointView> keepable) {
		Set<Long> seenPoints = new java.util.HashSet<>();
		Set<Long> seenItems = new java.util.HashSet<>();
		if (route.checkpoints() != null) {
			for (int p = 0; p < route.checkpoints().size(); p++) {
				NewRoute.Point point = route.checkpoints().get(p);
				if (point == null) {
					continue;
				}
				if (point.place() != null && !point.place().isBlank()
						&& directory.commonArea(project.code(), point.place().strip()).isEmpty()) {
					errors.add(new FieldError("checkpoints[" + p + "].place", "unknown common area 本项目没有该公共区域"));
				}
				if (point.assetId() != null
						&& assets.find(point.assetId()).filter(a -> a.projectId() == project.id()).isEmpty()) {
					errors.add(new FieldError("checkpoints[" + p + "].assetId", "unknown asset in this project"));
				}
				CheckpointView existing = point.id() == null ? null : keepable.get(point.id());
				if (point.id() != null && (existing == null || !seenPoints.add(point.id()))) {
					errors.add(new FieldError("checkpoints[" + p + "].id", "not a checkpoint of this route 不是本路线的检查点"));
				}
				List<NewRoute.Item> items = point.items() == null ? List.of() : point.items();
				for (int i = 0; i < items.size(); i++) {
					NewRoute.Item item = items.get(i);
					if (item == null || item.id() == null) {
						continue;
					}
					boolean ofThisPoint = existing != null
							&& existing.items().stream().anyMatch(it -> it.id() == item.id());
					if (!ofThisPoint || !seenItems.add(item.id())) {
						errors.add(new FieldError("checkpoints[" + p + "].items[" + i + "].id",
								"not an item of this checkpoint 不是本检查点的检查项"));
					}
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<RouteView> routes(Actor actor, String projectCode) {
		Project project = project(actor, projectCode);
		return store.routesOf(project.id()).stream().map(id -> view(store.route(id).orElseThrow())).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public RouteView route(Actor actor, long routeId) {
		return view(store.route(routeId)
			.filter(r -> actor.serves(r.tenantId(), r.projectId()))
			.orElseThrow(() -> new NotFound("Route", String.valueOf(routeId))));
	}

	@Override
	@Transactional
	public RoundView planRound(Actor actor, NewRound round) {
		requirePlanner(actor);
		List<FieldError> errors = new ArrayList<>();
		InspectionStore.Route route = round.routeId() == null ? null
				: store.route(round.routeId()).filter(r -> actor.serves(r.tenantId(), r.projectId())).orElse(null);
		if (route == null) {
			errors.add(new FieldError("routeId", "unknown route"));
		}
		StaffMember assignee = round.assignee() == null || actor.tenantId() == null ? null
				: directory.staff(actor.tenantId(), round.assignee())
					.filter(s -> s.active() && s.role() == Role.TECHNICIAN)
					.orElse(null);
		if (assignee == null || (route != null && !assignee.serves(route.projectId()))) {
			errors.add(new FieldError("assignee", "a technician of the project 本项目的维修工/巡检员"));
		}
		if (round.dueFrom() == null || round.dueBy() == null || !round.dueBy().isAfter(round.dueFrom())) {
			errors.add(new FieldError("dueBy", "dueFrom and dueBy are required, dueBy after dueFrom"));
		}
		else if (!round.dueBy().toInstant().isAfter(now())) {
			errors.add(new FieldError("dueBy", "must be in the future"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		long id = store.insertRound(route.id(), route.tenantId(), route.projectId(), assignee.id(), assignee.name(),
				round.dueFrom().toInstant(), round.dueBy().toInstant(), now());
		return store.round(id, now()).orElseThrow().view();
	}

	@Override
	@Transactional(readOnly = true)
	public List<RoundView> rounds(Actor actor, String projectCode) {
		if (actor.is(Role.TECHNICIAN)) {
			return store.roundsOf(actor.id(), now()).stream().map(InspectionStore.Round::view).toList();
		}
		return store.roundsOfProject(project(actor, projectCode).id(), now())
			.stream()
			.map(InspectionStore.Round::view)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public RoundDetails round(Actor actor, long roundId) {
		RoundView round = visibleRound(actor, roundId).view();
		InspectionStore.Route walked = store.route(round.routeId()).orElseThrow();
		RouteView route = new RouteView(walked.id(), walked.projectCode(), walked.name(),
				store.checkpointsOfRound(walked.id(), roundId), walked.version());
		Map<Long, InspectionStore.PointCheckin> checkins = store.checkins(roundId);
		Map<Long, List<PhotoView>> taken = photos.of(roundId);
		List<PointStatus> points = route.checkpoints().stream().map(cp -> {
			InspectionStore.PointCheckin c = checkins.get(cp.id());
			return c == null ? new PointStatus(cp, null, null, null, List.of(), List.of()) : new PointStatus(cp, c.at(),
					c.lat(), c.lng(), c.results(), taken.getOrDefault(cp.id(), List.of()));
		}).toList();
		return new RoundDetails(round, route, points);
	}

	@Override
	@Transactional
	public CheckedIn checkIn(Actor actor, long roundId, Checkin checkin) {
		return checkIn(actor, roundId, checkin, List.of());
	}

	@Override
	@Transactional
	public CheckedIn checkIn(Actor actor, long roundId, Checkin checkin, List<CheckinPhoto> sent) {
		InspectionStore.Round round = visibleRound(actor, roundId);
		if (!actor.is(Role.TECHNICIAN) || round.view().assigneeId() != actor.id()) {
			throw new Forbidden("only the person the round is assigned to checks in 只有被指派的人可以打卡");
		}
		// photos are checked and re-encoded before the round is locked
		List<Upload> uploads = photos.check(sent == null ? List.of() : sent);
		store.lock(roundId);
		round = store.round(roundId, now()).orElseThrow();
		if (round.view().finishedAt() != null) {
			throw new ConcurrentChange("Round " + roundId + " (finished 已完成)");
		}
		RouteView route = view(store.route(round.view().routeId()).orElseThrow());
		CheckpointView point = checkin.checkpointId() == null ? null
				: route.checkpoints().stream().filter(cp -> cp.id() == checkin.checkpointId()).findFirst().orElse(null);
		if (point == null) {
			throw new InvalidInput("checkpointId", "not a checkpoint of this round's route 不是本路线的检查点");
		}
		Map<Long, Checkin.Result> results = checkResults(point, checkin);
		Instant now = now();
		long checkinId = store.insertCheckin(roundId, point.id(), now, checkin.lat(), checkin.lng())
			.orElseThrow(() -> new ConcurrentChange("Checkpoint " + point.name() + " (checked in already 已打卡)"));
		photos.store(roundId, point.id(), checkinId, uploads, actor.username(), now);
		List<String> raised = new ArrayList<>();
		for (ItemView item : point.items()) {
			Checkin.Result result = results.get(item.id());
			boolean pass = item.kind() == ItemKind.READING ? item.within(result.value()) : result.pass();
			String number = pass ? null : raiseFault(route, round, point, item, result, now);
			if (number != null) {
				raised.add(number);
			}
			store.insertResult(checkinId, item.id(), pass, item.kind() == ItemKind.READING ? result.value() : null,
					blankToNull(result.note()), number);
		}
		boolean finished = round.view().checkedIn() + 1 >= round.view().checkpoints();
		store.progress(roundId, now, finished);
		return new CheckedIn(roundId, point.id(), now, raised, finished);
	}

	@Override
	@Transactional(readOnly = true)
	public Attachments.Content photo(Actor actor, long roundId, UUID photoId, boolean thumbnail) {
		visibleRound(actor, roundId);
		return photos.open(roundId, photoId, thumbnail);
	}

	private String raiseFault(RouteView route, InspectionStore.Round round, CheckpointView point, ItemView item,
			Checkin.Result result, Instant now) {
		AssetView asset = point.assetId() == null ? null : assets.find(point.assetId()).orElse(null);
		Category category = asset == null ? Category.PUBLIC_FACILITY : asset.type().category();
		String reading = item.kind() == ItemKind.READING ? "，读数 " + result.value().toPlainString()
				+ (item.unit() == null ? "" : " " + item.unit()) + "，正常范围 " + limits(item) : "";
		String note = result.note() == null || result.note().isBlank() ? "" : "；备注：" + result.note().strip();
		String description = "巡检发现：" + item.text() + "未通过（" + point.name() + "）" + reading + note
				+ " · inspection round " + round.view().id();
		String number = orders.raise(
				new SystemReport(Channel.INSPECTION, new Location(route.projectCode(), null, null, null, point.place()),
						category, description, null, null, point.assetId(), "round:" + round.view().id()));
		events.publishEvent(
				new InspectionFaultFound(round.view().id(), point.id(), item.id(), point.assetId(), number, now));
		return number;
	}

	private static String limits(ItemView item) {
		return (item.min() == null ? "" : item.min().toPlainString()) + "–"
				+ (item.max() == null ? "" : item.max().toPlainString());
	}

	/** Every item of the checkpoint once, with the kind of answer it needs. */
	private static Map<Long, Checkin.Result> checkResults(CheckpointView point, Checkin checkin) {
		List<FieldError> errors = new ArrayList<>();
		if (checkin.lat() != null && (checkin.lat() < -90 || checkin.lat() > 90)) {
			errors.add(new FieldError("lat", "-90 to 90"));
		}
		if (checkin.lng() != null && (checkin.lng() < -180 || checkin.lng() > 180)) {
			errors.add(new FieldError("lng", "-180 to 180"));
		}
		Map<Long, Checkin.Result> byItem = new HashMap<>();
		List<Checkin.Result> results = checkin.results() == null ? List.of() : checkin.results();
		for (int i = 0; i < results.size(); i++) {
			Checkin.Result r = results.get(i);
			if (r == null || r.itemId() == null || byItem.put(r.itemId(), r) != null) {
				errors.add(new FieldError("results[" + i + "].itemId", "each item once 每项填写一次"));
			}
			else if (r.note() != null && (r.note().length() > 500 || r.note().chars().anyMatch(c -> c == 0))) {
				errors.add(new FieldError("results[" + i + "].note", "at most 500 characters"));
			}
		}
		for (ItemView item : point.items()) {
			Checkin.Result r = byItem.remove(item.id());
			if (r == null) {
				errors.add(new FieldError("results", "missing item 缺少检查项: " + item.text()));
			}
			else if (item.kind() == ItemKind.READING && r.value() == null) {
				errors.add(new FieldError("results[" + item.id() + "].value", "a reading is a number 请填写读数"));
			}
			else if (item.kind() == ItemKind.PASS_FAIL && (r.pass() == null || r.value() != null)) {
				errors.add(new FieldError("results[" + item.id() + "].pass", "pass or fail, not a reading 请选择正常或异常"));
			}
			else if (r.value() != null && r.value().abs().compareTo(new BigDecimal("1e12")) > 0) {
				errors.add(new FieldError("results[" + item.id() + "].value", "out of range"));
			}
		}
		if (!byItem.isEmpty()) {
			errors.add(new FieldError("results", "items of another checkpoint 不属于本检查点: " + byItem.keySet()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Map<Long, Checkin.Result> checked = new HashMap<>();
		results.forEach(r -> checked.put(r.itemId(), r));
		return checked;
	}

	@Override
	@Transactional(readOnly = true)
	public CheckpointView checkpoint(Actor actor, long checkpointId) {
		long routeId = store.routeOfCheckpoint(checkpointId)
			.orElseThrow(() -> new NotFound("Checkpoint", String.valueOf(checkpointId)));
		InspectionStore.Route route = store.route(routeId)
			.filter(r -> actor.serves(r.tenantId(), r.projectId()))
			.orElseThrow(() -> new NotFound("Checkpoint", String.valueOf(checkpointId)));
		// a retired checkpoint's label leads nowhere
		return store.checkpoints(route.id())
			.stream()
			.filter(cp -> cp.id() == checkpointId)
			.findFirst()
			.orElseThrow(() -> new NotFound("Checkpoint", String.valueOf(checkpointId)));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> openRoundAt(Actor actor, long checkpointId) {
		return actor.is(Role.TECHNICIAN) ? store.openRoundAt(actor.id(), checkpointId) : Optional.empty();
	}

	private InspectionStore.Round visibleRound(Actor actor, long roundId) {
		return store.round(roundId, now())
			.filter(r -> actor.serves(r.tenantId(), r.view().projectId()))
			.filter(r -> !actor.is(Role.TECHNICIAN) || r.view().assigneeId() == actor.id())
			.orElseThrow(() -> new NotFound("Round", String.valueOf(roundId)));
	}

	private RouteView view(InspectionStore.Route route) {
		return new RouteView(route.id(), route.projectCode(), route.name(), store.checkpoints(route.id()),
				route.version());
	}

	private Project project(Actor actor, String code) {
		return directory.project(code == null ? "" : code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
	}

	private static void requirePlanner(Actor actor) {
		if (!PLANNERS.contains(actor.role())) {
			throw new Forbidden("routes and rounds are planned by " + PLANNERS);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
