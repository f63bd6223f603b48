package org.suxiu.maintenance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.asset.AssetPlans;
import org.suxiu.asset.AssetType;
import org.suxiu.asset.AssetView;
import org.suxiu.asset.Assets;
import org.suxiu.maintenance.Checklist;
import org.suxiu.maintenance.Checklists;
import org.suxiu.maintenance.ComplianceLine;
import org.suxiu.maintenance.HolidayRule;
import org.suxiu.maintenance.Interval;
import org.suxiu.maintenance.MaintenancePlans;
import org.suxiu.maintenance.NewPlan;
import org.suxiu.maintenance.PlanView;
import org.suxiu.maintenance.PlanWork;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.InvalidInput.FieldError;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.sla.WorkingDays;

/**
 * Plans: who may keep and read them, their checks, the next due day, meter readings,
 * compliance, and the checklist that goes with a planned order.
 */
@Service
class PlanService implements MaintenancePlans, Checklists, AssetPlans {

	private static final Set<Role> KEEPERS = Set.of(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR);

	private final PlanStore store;

	private final PlanRaiser raiser;

	private final Assets assets;

	private final PropertyDirectory directory;

	private final WorkingDays workingDays;

	private final Clock clock;

	private final ZoneId zone;

	PlanService(PlanStore store, PlanRaiser raiser, Assets assets, PropertyDirectory directory, WorkingDays workingDays,
			Clock clock, SuxiuProperties properties) {
		this.store = store;
		this.raiser = raiser;
		this.assets = assets;
		this.directory = directory;
		this.workingDays = workingDays;
		this.clock = clock;
		this.zone = properties.zone();
	}

	@Override
	@Transactional
	public PlanView create(Actor actor, NewPlan plan) {
		if (!KEEPERS.contains(actor.role())) {
			throw new Forbidden("plans are kept by " + KEEPERS);
		}
		List<FieldError> errors = new ArrayList<>();
		AssetView asset = plan.assetId() == null ? null
				: assets.find(plan.assetId()).filter(a -> actor.serves(a.tenantId(), a.projectId())).orElse(null);
		if (asset == null) {
			errors.add(new FieldError("assetId", "unknown asset 没有该设备"));
		}
		if (plan.name() == null || plan.name().isBlank() || plan.name().length() > 60
				|| plan.name().chars().anyMatch(Character::isISOControl)) {
			errors.add(new FieldError("name", "1 to 60 characters 计划名称 1–60 字"));
		}
		if (plan.unit() == null) {
			errors.add(new FieldError("unit", "DAYS, WEEKS, MONTHS or METER"));
		}
		else if (plan.unit() == Interval.METER) {
			if (plan.meterEvery() == null || plan.meterEvery() < 1) {
				errors.add(new FieldError("meterEvery", "a whole number of at least 1 for meter plans"));
			}
		}
		else if (plan.every() == null || plan.every() < 1 || plan.every() > maxEvery(plan.unit())) {
			errors.add(new FieldError("every", "1 to " + maxEvery(plan.unit()) + " for " + plan.unit()));
		}
		int lead = plan.leadDays() == null ? 3 : plan.leadDays();
		if (lead < 0 || lead > 60) {
			errors.add(new FieldError("leadDays", "0 to 60 days 提前 0–60 天"));
		}
		List<String> checklist = plan.checklist() == null ? List.of()
				: plan.checklist().stream().map(line -> line == null ? "" : line.strip()).toList();
		if (checklist.isEmpty() || checklist.size() > 50 || checklist.stream()
			.anyMatch(l -> l.isEmpty() || l.length() > 200 || l.chars().anyMatch(Character::isISOControl))) {
			errors.add(new FieldError("checklist", "1 to 50 lines of 1–200 characters 检查项 1–50 条"));
		}
		LocalDate today = today();
		LocalDate startsOn = plan.startsOn() == null ? today : plan.startsOn();
		if (startsOn.isAfter(today.plusYears(2)) || startsOn.isBefore(today.minusYears(2))) {
			errors.add(new FieldError("startsOn", "within two years of today"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		boolean meter = plan.unit() == Interval.METER;
		long id = store.insert(asset.tenantId(), asset.projectId(), asset.id(), plan.name().strip(),
				meter ? null : plan.every(), plan.unit(), meter ? plan.meterEvery() : null, startsOn, lead,
				plan.holidayRule() == null ? HolidayRule.EARLIER : plan.holidayRule(), checklist,
				clock.instant().truncatedTo(ChronoUnit.MICROS));
		return view(store.find(id).orElseThrow(), asset.name());
	}

	private static int maxEvery(Interval unit) {
		return switch (unit) {
			case DAYS -> 366;
			case WEEKS -> 52;
			case MONTHS, METER -> 24;
		};
	}

	@Override
	@Transactional(readOnly = true)
	public List<PlanView> list(Actor actor, String projectCode, Long assetId) {
		Project project = project(actor, projectCode);
		Map<Long, String> names = new HashMap<>();
		return store.ofProject(project.id(), assetId)
			.stream()
			.map(p -> view(p, names.computeIfAbsent(p.assetId(), a -> assets.find(a).map(AssetView::name).orElse(""))))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public PlanView read(Actor actor, long planId) {
		PlanStore.Plan plan = visible(actor, planId);
		return view(plan, assets.find(plan.assetId()).map(AssetView::name).orElse(""));
	}

	@Override
	@Transactional(readOnly = true)
	public List<PlanWork> work(Actor actor, long planId) {
		return store.work(visible(actor, planId).id());
	}

	@Override
	@Transactional
	public PlanView recordReading(Actor actor, long planId, long value) {
		PlanStore.Plan seen = visible(actor, planId);
		if (!actor.isStaff() || actor.is(Role.AGENT)) {
			throw new Forbidden("readings are recorded by technicians and supervisors");
		}
		PlanStore.Plan plan = store.lock(seen.id()).orElseThrow();
		if (plan.unit() != Interval.METER) {
			throw new InvalidInput("value", "this plan runs by the calendar, not by meter");
		}
		if (value < 0 || (plan.lastMeter() != null && value < plan.lastMeter())) {
			throw new InvalidInput("value", "a meter reading never goes down 读数不能小于上次 ("
					+ (plan.lastMeter() == null ? 0 : plan.lastMeter()) + ")");
		}
		long next = plan.nextMeterDue() == null ? plan.meterEvery() : plan.nextMeterDue();
		if (value >= next) {
			LocalDate today = today();
			raiser.raise(plan, today, today);
			next = value + plan.meterEvery();
		}
		store.meter(plan.id(), value, next);
		return read(actor, planId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ComplianceLine> compliance(Actor actor, String projectCode, YearMonth month) {
		Project project = project(actor, projectCode);
		LocalDate today = today();
		month = month == null ? YearMonth.from(today) : month;
		LocalDate last = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
		Map<Long, AssetType> types = new HashMap<>();
		Map<String, int[]> counts = new LinkedHashMap<>();
		Map<String, ComplianceKey> keys = new HashMap<>();
		for (PlanStore.Planned work : store.plannedBetween(project.id(), month.atDay(1), last)) {
			AssetType type = types.computeIfAbsent(work.assetId(),
					a -> assets.find(a).map(AssetView::type).orElse(AssetType.OTHER));
			String key = type + "/" + work.every() + "/" + work.unit();
			keys.putIfAbsent(key, new ComplianceKey(type, work.every(), work.unit()));
			int[] c = counts.computeIfAbsent(key, k -> new int[2]);
			c[0]++;
			if (work.completedAt() != null
					&& !work.completedAt().isAfter(work.workOn().plusDays(1).atStartOfDay(zone).toInstant())) {
				c[1]++;
			}
		}
		return counts.entrySet().stream().map(e -> {
			ComplianceKey k = keys.get(e.getKey());
			int due = e.getValue()[0];
			int onTime = e.getValue()[1];
			return new ComplianceLine(k.type(), k.every(), k.unit(), due, onTime, due == 0 ? 100 : onTime * 100 / due);
		}).toList();
	}

	private record ComplianceKey(AssetType type, Integer every, Interval unit) {
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Checklist> forOrder(String number) {
		return store.ofOrder(number).map(p -> new Checklist(p.id(), p.name(), p.assetId(), p.checklist()));
	}

	@Override
	public List<PlanLine> of(long assetId) {
		return store.ofAsset(assetId)
			.stream()
			.map(p -> new PlanLine(p.id(), p.name(), p.every(), p.unit().name(), p.meterEvery(), nextDue(p)))
			.toList();
	}

	private PlanView view(PlanStore.Plan p, String assetName) {
		return new PlanView(p.id(), p.projectId(), p.assetId(), assetName, p.name(), p.every(), p.unit(),
				p.meterEvery(), p.lastMeter(), p.nextMeterDue(), p.startsOn(), p.leadDays(), p.holidayRule(),
				p.checklist(), nextDue(p));
	}

	/** The next planned day from today, moved off days off; none for meter plans. */
	private LocalDate nextDue(PlanStore.Plan p) {
		if (p.unit() == Interval.METER) {
			return null;
		}
		LocalDate today = today();
		for (long k = DueDates.firstOnOrAfter(p.startsOn(), p.every(), p.unit(), today);; k++) {
			LocalDate due = DueDates.nominal(p.startsOn(), p.every(), p.unit(), k);
			LocalDate workOn = DueDates.moved(due, p.holidayRule(), d -> workingDays.isWorkingDay(p.projectId(), d));
			if (!workOn.isBefore(today)) {
				return workOn;
			}
		}
	}

	private PlanStore.Plan visible(Actor actor, long planId) {
		return store.find(planId)
			.filter(p -> actor.serves(p.tenantId(), p.projectId()))
			.orElseThrow(() -> new NotFound("Plan", String.valueOf(planId)));
	}

	private Project project(Actor actor, String code) {
		return directory.project(code == null ? "" : code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

}
