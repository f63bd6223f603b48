package org.suxiu.asset.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.asset.AssetDetails;
import org.suxiu.asset.AssetDetails.AssetOrder;
import org.suxiu.asset.AssetPlans;
import org.suxiu.asset.AssetRounds;
import org.suxiu.asset.AssetRegistered;
import org.suxiu.asset.AssetStatus;
import org.suxiu.asset.AssetType;
import org.suxiu.asset.AssetView;
import org.suxiu.asset.Assets;
import org.suxiu.asset.IssuedDevice;
import org.suxiu.asset.NewAsset;
import org.suxiu.property.DuplicateEntry;
import org.suxiu.property.ImportRejected;
import org.suxiu.property.ImportRejected.RowError;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.InvalidInput.FieldError;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.OrderAssets;
import org.suxiu.workorder.PastOrder;
import org.suxiu.workorder.WorkOrders;

/**
 * The register: who may read and change which project's equipment, the same checks for
 * one asset and for every row of a CSV, and one asset's page.
 */
@Service
class AssetService implements Assets, OrderAssets {

	private static final Set<Role> KEEPERS = Set.of(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR);

	static final Duration DOWNTIME_WINDOW = Duration.ofDays(30);

	private final AssetStore store;

	private final DeviceStore devices;

	private final AlarmStore alarms;

	private final PropertyDirectory directory;

	private final WorkOrders orders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SuxiuProperties properties;

	private final ObjectProvider<AssetPlans> plans;

	private final ObjectProvider<AssetRounds> rounds;

	AssetService(AssetStore store, DeviceStore devices, AlarmStore alarms, PropertyDirectory directory,
			WorkOrders orders, ApplicationEventPublisher events, Clock clock, SuxiuProperties properties,
			ObjectProvider<AssetPlans> plans, ObjectProvider<AssetRounds> rounds) {
		this.plans = plans;
		this.rounds = rounds;
		this.store = store;
		this.devices = devices;
		this.alarms = alarms;
		this.directory = directory;
		this.orders = orders;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	@Transactional
	public AssetView register(Actor actor, NewAsset asset) {
		require(actor, KEEPERS);
		Project project = directory.project(asset.projectCode() == null ? "" : asset.projectCode())
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new InvalidInput("projectCode", "unknown project"));
		List<FieldError> errors = new ArrayList<>();
		AssetStore.Entry entry = AssetChecks.entry(project, asset, directory, today(), errors)
			.orElseThrow(() -> new InvalidInput(errors));
		Instant now = now();
		long id = store.insert(entry, now).orElseThrow(() -> new DuplicateEntry("Asset 设备", entry.name()));
		events.publishEvent(new AssetRegistered(id, project.tenantId(), project.id(), entry.type(), entry.name(), now));
		return store.find(id).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public List<AssetView> list(Actor actor, String projectCode, AssetType type) {
		return store.list(project(actor, projectCode).id(), type);
	}

	@Override
	@Transactional(readOnly = true)
	public AssetDetails details(Actor actor, long assetId) {
		AssetView asset = visible(actor, assetId);
		List<PastOrder> past = orders.ofAsset(assetId);
		List<AssetOrder> list = past.stream()
			.map(o -> new AssetOrder(o.number(), o.grade(), o.status(), o.reportedAt(), o.completedAt()))
			.toList();
		List<AssetPlans.PlanLine> planLines = plans.orderedStream().flatMap(p -> p.of(assetId).stream()).toList();
		return new AssetDetails(asset, list, downtime(past, now()), devices.ofAsset(assetId),
				alarms.latest(assetId, 50), planLines,
				rounds.orderedStream().flatMap(r -> r.of(assetId).stream()).toList());
	}

	/**
	 * Time stopped in the window: each L1/L2 fault from its report to its completion (or
	 * now), clipped to the last 30 days; overlapping faults count once.
	 */
	static Duration downtime(List<PastOrder> past, Instant now) {
		Instant windowStart = now.minus(DOWNTIME_WINDOW);
		List<Instant[]> spans = past.stream()
			.filter(o -> o.grade() == Grade.L1 || o.grade() == Grade.L2)
			.map(o -> new Instant[] { max(o.reportedAt(), windowStart),
					o.completedAt() == null ? now : o.completedAt() })
			.filter(s -> s[1].isAfter(s[0]))
			.sorted((a, b) -> a[0].compareTo(b[0]))
			.toList();
		Duration total = Duration.ZERO;
		Instant coveredUntil = Instant.MIN;
		for (Instant[] span : spans) {
			Instant from = max(span[0], coveredUntil);
			if (span[1].isAfter(from)) {
				total = total.plus(Duration.between(from, span[1]));
				coveredUntil = span[1];
			}
		}
		return total;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	@Override
	@Transactional
	public AssetView changeStatus(Actor actor, long assetId, AssetStatus status, Integer version) {
		require(actor, KEEPERS);
		AssetView asset = visible(actor, assetId);
		if (status == null) {
			throw new InvalidInput("status", "is required: IN_SERVICE, OUT_OF_SERVICE or RETIRED");
		}
		int expected = version == null ? asset.version() : version;
		if (!store.changeStatus(assetId, status, expected, now())) {
			throw new ConcurrentChange("Asset " + assetId);
		}
		return store.find(assetId).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public String csv(Actor actor, String projectCode) {
		return AssetCsv.write(store.list(project(actor, projectCode).id(), null));
	}

	@Override
	@Transactional
	public ImportResult importCsv(Actor actor, String projectCode, String csv) {
		require(actor, KEEPERS);
		Project project = project(actor, projectCode);
		List<RowError> errors = new ArrayList<>();
		List<AssetCsv.Row> rows = AssetCsv.read(project.code(), csv, errors);
		List<AssetStore.Entry> entries = new ArrayList<>();
		Set<String> names = new HashSet<>();
		LocalDate today = today();
		for (AssetCsv.Row row : rows) {
			List<FieldError> problems = new ArrayList<>();
			Optional<AssetStore.Entry> entry = AssetChecks.entry(project, row.asset(), directory, today, problems);
			if (entry.isPresent() && !names.add(entry.get().name())) {
				problems.add(new FieldError("name", "appears twice in the file 文件中重名: " + entry.get().name()));
			}
			if (!problems.isEmpty()) {
				errors.add(new RowError(row.number(),
						problems.stream()
							.map(p -> p.field() + ": " + p.message())
							.reduce((a, b) -> a + "; " + b)
							.orElseThrow()));
			}
			entry.ifPresent(entries::add);
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			errors.add(new RowError(2, "the file has no rows 文件没有数据行"));
		}
		if (!errors.isEmpty()) {
			throw new ImportRejected(errors.stream().sorted((a, b) -> Integer.compare(a.row(), b.row())).toList());
		}
		Instant now = now();
		int added = 0;
		int updated = 0;
		for (AssetStore.Entry entry : entries) {
			Optional<AssetView> existing = store.byName(project.id(), entry.name());
			if (existing.isPresent()) {
				store.update(existing.get().id(), entry, now);
				updated++;
			}
			else {
				Optional<Long> id = store.insert(entry, now);
				if (id.isEmpty()) {
					// someone registered the same name meanwhile: nothing of the file
					// stays
					throw new ConcurrentChange("Asset " + entry.name());
				}
				events.publishEvent(new AssetRegistered(id.get(), project.tenantId(), project.id(), entry.type(),
						entry.name(), now));
				added++;
			}
		}
		return new ImportResult(added, updated);
	}

	@Override
	@Transactional
	public IssuedDevice registerDevice(Actor actor, long assetId, String name) {
		require(actor, Set.of(Role.ADMIN, Role.MANAGER));
		AssetView asset = visible(actor, assetId);
		if (name == null || name.isBlank() || name.length() > AssetChecks.NAME_MAX
				|| name.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInput("name", "1 to " + AssetChecks.NAME_MAX + " characters 设备名称 1–60 字");
		}
		return devices.register(asset.id(), name.strip(), now());
	}

	@Override
	public Optional<AssetView> find(long assetId) {
		return store.find(assetId);
	}

	@Override
	public AssetView visible(Actor actor, long assetId) {
		return store.find(assetId)
			.filter(a -> actor.serves(a.tenantId(), a.projectId()))
			.orElseThrow(() -> new NotFound("Asset", String.valueOf(assetId)));
	}

	@Override
	public boolean standsIn(long assetId, long projectId) {
		return store.standsIn(assetId, projectId);
	}

	private Project project(Actor actor, String code) {
		return directory.project(code == null ? "" : code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
	}

	private static void require(Actor actor, Set<Role> roles) {
		if (!roles.contains(actor.role())) {
			throw new Forbidden("this is for " + roles);
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), properties.zone());
	}

}
