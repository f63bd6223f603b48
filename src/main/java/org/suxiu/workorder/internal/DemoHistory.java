package org.suxiu.workorder.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.suxiu.workorder.DemoHistoryRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.suxiu.property.DemoDataSeeded;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.Site;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.Appointment;
import org.suxiu.workorder.Assignee;
import org.suxiu.workorder.Channel;
import org.suxiu.workorder.GradeSource;
import org.suxiu.workorder.Reporter;

/**
 * A month of finished orders for the demo project, so that the what-if replay, lists and
 * figures have a past to show on the first start. Built through the aggregate's own
 * transitions with past instants, and stored without publishing their events: history
 * raises no timers and sends no messages; {@link DemoHistoryRecorded} lets the SLA module
 * add the clocks as they ran. Embedded demo run only (it follows {@link DemoDataSeeded}).
 */
@Component
class DemoHistory {

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	static final int DAYS = 30;

	private static final Map<Category, List<String>> FAULTS = Map.of(Category.PLUMBING,
			List.of("厨房水龙头一直滴水", "卫生间下水道堵塞", "阳台地漏返水", "楼上漏水，天花板滴水"), Category.ELECTRICAL,
			List.of("客厅灯不亮", "插座没电", "家里跳闸推不上去"), Category.ELEVATOR, List.of("电梯困人", "电梯门关不上"), Category.DOOR_WINDOW,
			List.of("入户门锁坏了", "窗户关不严"), Category.WALL_CEILING, List.of("墙面起皮发霉"), Category.APPLIANCE, List.of("空调不制冷"),
			Category.PUBLIC_FACILITY, List.of("楼道灯不亮", "单元门禁坏了"));

	private final WorkOrderRepository orders;

	private final PropertyDirectory property;

	private final SuxiuProperties settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DemoHistory(WorkOrderRepository orders, PropertyDirectory property, SuxiuProperties settings, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.orders = orders;
		this.property = property;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener
	void on(DemoDataSeeded event) {
		Project demo = property.project("DEMO").orElse(null);
		if (demo == null || !event.tenantIds().contains(demo.tenantId())) {
			return;
		}
		List<StaffMember> technicians = property.staffOf(demo.tenantId(), Role.TECHNICIAN)
			.stream()
			.filter(t -> t.username().startsWith("tech"))
			.toList();
		Actor agent = actor(property.staffOf(demo.tenantId(), Role.AGENT).get(0));
		Actor dispatcher = actor(property.staffOf(demo.tenantId(), Role.DISPATCHER).get(0));
		Random random = new Random(2026);
		ZoneId zone = settings.zone();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		int count = 0;
		for (LocalDate day = today.minusDays(DAYS); day.isBefore(today); day = day.plusDays(1)) {
			int perDay = 8 + random.nextInt(8);
			for (int i = 0; i < perDay; i++) {
				ZonedDateTime reported = day.atStartOfDay(zone).plusMinutes(reportMinute(random));
				record(demo, reported, random, agent, dispatcher, technicians.get(random.nextInt(technicians.size())));
				count++;
			}
		}
		log.info("Seeded {} finished demo orders over the last {} days", count, DAYS);
		events.publishEvent(new DemoHistoryRecorded(demo.tenantId(), demo.id(),
				today.minusDays(DAYS).atStartOfDay(zone).toInstant(), today.atStartOfDay(zone).toInstant()));
	}

	private void record(Project project, ZonedDateTime reported, Random random, Actor agent, Actor dispatcher,
			StaffMember technician) {
		Grade grade = grade(random);
		Category category = grade == Grade.L1 ? Category.ELEVATOR : category(random);
		Site site = category == Category.ELEVATOR
				? property.commonArea(project.code(), (1 + random.nextInt(6)) + "号楼1号电梯").orElseThrow()
				: property
					.home(project.code(), String.valueOf(1 + random.nextInt(6)), String.valueOf(1 + random.nextInt(2)),
							(1 + random.nextInt(18)) + "0" + (1 + random.nextInt(2)))
					.orElseThrow();
		List<String> faults = FAULTS.get(category);
		String description = faults.get(random.nextInt(faults.size()));
		Instant at = reported.toInstant();
		Appointment appointment = grade == Grade.L4
				? new Appointment(reported.plusDays(1).withHour(14).withMinute(0).toOffsetDateTime(),
						reported.plusDays(1).withHour(16).withMinute(0).toOffsetDateTime())
				: null;
		String number = "BX" + reported.toLocalDate().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
				+ String.format("%06d", orders.nextSequence());
		WorkOrder order = WorkOrder.intake(number, site, category, Channel.HOTLINE, description,
				new Reporter("业主", "13900000000"), null, agent, grade, GradeSource.MANUAL, GradeNote.NONE, appointment,
				at, at, null);
		orders.insert(order);
		order = orders.find(number).orElseThrow();
		Actor worker = actor(technician);
		Instant dispatched = at.plus(minutes(random, 2, grade == Grade.L1 ? 6 : 40));
		order.dispatch(dispatcher, new Assignee(technician.id(), technician.name(), technician.phone()), null,
				dispatched);
		order.take(worker, null, dispatched.plus(minutes(random, 1, 5)));
		Instant arrived = appointment != null ? appointment.from().toInstant().plus(minutes(random, 0, 90))
				: dispatched.plus(travelAndWait(grade, random));
		order.arrive(worker, null, arrived);
		Instant started = arrived.plus(minutes(random, 1, 5));
		// its own generator, so the rest of the month stays as it was seeded before
		Instant rescued = order.isEntrapment() && description.contains("困人")
				? arrived.plus(minutes(new Random(number.hashCode()), 2, 12)) : null;
		if (rescued != null && !rescued.isAfter(started)) {
			order.rescue(worker, null, rescued);
		}
		order.start(worker, null, started);
		if (rescued != null && rescued.isAfter(started)) {
			order.rescue(worker, null, rescued);
		}
		Instant completed = arrived.plus(minutes(random, 20, 90));
		order.complete(worker, "已修复 fixed", completed);
		if (completed.isBefore(clock.instant().minus(Duration.ofHours(12)))) {
			order.accept(agent, 3 + random.nextInt(3), null, completed.plus(minutes(random, 30, 600)));
			order.followUp(agent, true, null, completed.plus(Duration.ofHours(20)));
		}
		orders.update(order);
	}

	/** Reports cluster in the day: few at night, most from 8 to 21. */
	private static long reportMinute(Random random) {
		return random.nextInt(10) == 0 ? random.nextInt(8 * 60) : 8 * 60 + random.nextInt(13 * 60);
	}

	private static Grade grade(Random random) {
		int roll = random.nextInt(100);
		return roll < 5 ? Grade.L1 : roll < 25 ? Grade.L2 : roll < 80 ? Grade.L3 : Grade.L4;
	}

	private static Category category(Random random) {
		List<Category> common = List.of(Category.PLUMBING, Category.PLUMBING, Category.PLUMBING, Category.ELECTRICAL,
				Category.ELECTRICAL, Category.DOOR_WINDOW, Category.WALL_CEILING, Category.APPLIANCE,
				Category.PUBLIC_FACILITY);
		return common.get(random.nextInt(common.size()));
	}

	/** How long after dispatch the technician got there: mostly in time, not always. */
	private static Duration travelAndWait(Grade grade, Random random) {
		return switch (grade) {
			case L1 -> minutes(random, 8, 40);
			case L2 -> minutes(random, 20, 150);
			default -> minutes(random, 60, 26 * 60);
		};
	}

	private static Duration minutes(Random random, int from, int to) {
		return Duration.ofMinutes(from + random.nextInt(to - from + 1));
	}

	private static Actor actor(StaffMember staff) {
		return new Actor(staff.id(), staff.username(), staff.name(), staff.role(), staff.tenantId(), Set.of());
	}

}
