package org.suxiu.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranking on its own, without Spring: who is proposed, in which order, and why.
 */
class RecommenderTest {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** A Tuesday afternoon. */
	private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

	private static final GeoPoint SITE = new GeoPoint(31.2400, 121.4900);

	private static final Shift DAY = new Shift(null, LocalTime.of(8, 0), LocalTime.of(20, 0), false);

	private static final Shift NIGHT_ON_CALL = new Shift(null, LocalTime.of(20, 0), LocalTime.of(8, 0), true);

	private final Recommender recommender = new Recommender(
			new TravelTimes.StraightLine(20, 1.3, Duration.ofMinutes(2)), Duration.ofMinutes(2),
			Duration.ofMinutes(15));

	@Test
	void proposesOnlyTechniciansWithTheSkill() {
		Technician plumber = technician(1, Map.of(Category.PLUMBING, 4), DAY, 0.01);
		Technician electrician = technician(2, Map.of(Category.ELECTRICAL, 5), DAY, 0.001);

		List<Proposal> ranked = rank(order(Grade.L3, Category.PLUMBING), List.of(plumber, electrician), Map.of());

		assertThat(ranked).extracting(Proposal::technicianId).containsExactly(1L);
	}

	@Test
	void leavesOutTechniciansOffShiftAndOnCallOnesForRoutineWork() {
		Technician onShift = technician(1, Map.of(Category.PLUMBING, 3), DAY, 0.03);
		Technician onCall = technician(2, Map.of(Category.PLUMBING, 3), NIGHT_ON_CALL, 0.001);
		Instant night = Instant.parse("2026-12-01T15:00:00Z");

		List<Proposal> byDay = rank(order(Grade.L3, Category.PLUMBING), List.of(onShift, onCall), Map.of());
		List<Proposal> atNightRoutine = recommender.rank(order(Grade.L3, Category.PLUMBING), List.of(onShift, onCall),
				Map.of(), night, ZONE);
		List<Proposal> atNightEmergency = recommender.rank(order(Grade.L1, Category.PLUMBING), List.of(onShift, onCall),
				Map.of(), night, ZONE);

		assertThat(byDay).extracting(Proposal::technicianId).containsExactly(1L);
		assertThat(atNightRoutine).isEmpty();
		assertThat(atNightEmergency).extracting(Proposal::technicianId).containsExactly(2L);
	}

	@Test
	void onlyAnEmergencyIsProposedToInterruptPlannedWork() {
		Technician busy = technician(1, Map.of(Category.PLUMBING, 5), DAY, 0.001);
		Map<Long, List<Job>> jobs = Map.of(1L, List.of(working(1, "BX-PLANNED", Grade.L3)));

		Proposal forEmergency = rank(order(Grade.L1, Category.PLUMBING), List.of(busy), jobs).get(0);
		Proposal forUrgent = rank(order(Grade.L2, Category.PLUMBING), List.of(busy), jobs).get(0);

		assertThat(forEmergency.reasons().get("preempts")).isEqualTo("BX-PLANNED");
		assertThat(forEmergency.etaMinutes()).isLessThan(forUrgent.etaMinutes());
		assertThat(forUrgent.reasons().get("preempts")).isNull();
	}

	@Test
	void neverInterruptsAnotherEmergency() {
		Technician busy = technician(1, Map.of(Category.PLUMBING, 5), DAY, 0.001);
		Map<Long, List<Job>> jobs = Map.of(1L, List.of(working(1, "BX-EMERGENCY", Grade.L1)));

		Proposal proposal = rank(order(Grade.L1, Category.PLUMBING), List.of(busy), jobs).get(0);

		assertThat(proposal.reasons().get("preempts")).isNull();
	}

	@Test
	void spreadsWorkToTheTechnicianWithFewerJobsInHand() {
		Technician loaded = technician(1, Map.of(Category.PLUMBING, 4), DAY, 0.005);
		Technician free = technician(2, Map.of(Category.PLUMBING, 4), DAY, 0.005);
		Map<Long, List<Job>> jobs = Map.of(1L, List.of(waiting(1, "BX-A", Grade.L4, NOW.plus(Duration.ofDays(2))),
				waiting(1, "BX-B", Grade.L4, NOW.plus(Duration.ofDays(2)))));

		List<Proposal> ranked = rank(order(Grade.L3, Category.PLUMBING), List.of(loaded, free), jobs);

		assertThat(ranked).extracting(Proposal::technicianId).containsExactly(2L, 1L);
	}

	@Test
	void prefersTheMoreSkilledOfTwoEquallyPlacedTechnicians() {
		Technician junior = technician(1, Map.of(Category.ELEVATOR, 2), DAY, 0.005);
		Technician senior = technician(2, Map.of(Category.ELEVATOR, 5), DAY, 0.005);

		List<Proposal> ranked = rank(order(Grade.L2, Category.ELEVATOR), List.of(junior, senior), Map.of());

		assertThat(ranked).extracting(Proposal::technicianId).containsExactly(2L, 1L);
		assertThat(ranked.get(1).reasons().get("whyNotFirst").toString()).contains("技能低 skill 3 lower");
	}

	@Test
	void explainsEachProposalInWordsAndFigures() {
		Technician near = technician(1, Map.of(Category.PLUMBING, 4), DAY, 0.002);
		Technician far = technician(2, Map.of(Category.PLUMBING, 4), DAY, 0.05);

		List<Proposal> ranked = rank(order(Grade.L2, Category.PLUMBING), List.of(near, far), Map.of());

		Map<String, Object> first = ranked.get(0).reasons();
		assertThat(first).containsKeys("etaMinutes", "travelMinutes", "distanceKm", "jobsInHand", "skillLevel",
				"slackMinutes", "summary");
		assertThat(first.get("summary").toString()).startsWith("预计").contains("ETA");
		assertThat(first).doesNotContainKey("whyNotFirst");
		assertThat(ranked.get(1).reasons().get("whyNotFirst").toString()).contains("晚到 arrives");
		assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
	}

	@Test
	void saysWhyEachTechnicianLeftOutIsNotProposed() {
		Technician proposed = technician(1, Map.of(Category.ELEVATOR, 3), DAY, 0.02);
		Technician unskilled = technician(2, Map.of(Category.PLUMBING, 5), DAY, 0.001);
		Technician resting = technician(3, Map.of(Category.ELEVATOR, 5), NIGHT_ON_CALL, 0.001);
		Technician switchedOff = withStatus(technician(4, Map.of(Category.ELEVATOR, 5), DAY, 0.001),
				TechnicianStatus.OFF);
		Technician onLeave = withStatus(technician(5, Map.of(Category.ELEVATOR, 5), DAY, 0.001),
				TechnicianStatus.LEAVE);
		Technician full = technician(6, Map.of(Category.ELEVATOR, 5), DAY, 0.001);
		Map<Long, List<Job>> jobs = Map.of(6L,
				List.of(waiting(6, "BX-1", Grade.L3, null), waiting(6, "BX-2", Grade.L3, null),
						waiting(6, "BX-3", Grade.L3, null), waiting(6, "BX-4", Grade.L3, null),
						waiting(6, "BX-5", Grade.L3, null)));

		Ranking ranking = recommender.assess(order(Grade.L3, Category.ELEVATOR),
				List.of(proposed, unskilled, resting, switchedOff, onLeave, full), jobs, NOW, ZONE);

		assertThat(ranking.proposals()).extracting(Proposal::technicianId).containsExactly(1L);
		assertThat(ranking.notProposed()).extracting(NotProposed::technicianId, NotProposed::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, NotProposed.Reason.NO_SKILL),
					org.assertj.core.groups.Tuple.tuple(3L, NotProposed.Reason.OFF_SHIFT),
					org.assertj.core.groups.Tuple.tuple(4L, NotProposed.Reason.OFF_DUTY),
					org.assertj.core.groups.Tuple.tuple(5L, NotProposed.Reason.ON_LEAVE),
					org.assertj.core.groups.Tuple.tuple(6L, NotProposed.Reason.FULL));
	}

	@Test
	void aTechnicianOutsideAnyShiftRestsUntilTheNextOne() {
		Technician dayOnly = technician(1, Map.of(Category.PLUMBING, 4), DAY, 0.01);
		Instant night = Instant.parse("2026-12-01T15:00:00Z");

		Ranking ranking = recommender.assess(order(Grade.L1, Category.PLUMBING), List.of(dayOnly), Map.of(), night,
				ZONE);

		assertThat(ranking.proposals()).isEmpty();
		NotProposed resting = ranking.notProposed().get(0);
		assertThat(resting.reason()).isEqualTo(NotProposed.Reason.OFF_SHIFT);
		assertThat(resting.nextShift()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
		assertThat(dayOnly.availability(night.atZone(ZONE), false)).isEqualTo(Availability.RESTING);
		assertThat(dayOnly.availability(NOW.atZone(ZONE), false)).isEqualTo(Availability.ON_SHIFT);
	}

	@Test
	void anOnCallTechnicianIsLeftOutOfRoutineWorkAsOnCall() {
		Technician onCall = technician(1, Map.of(Category.PLUMBING, 4), NIGHT_ON_CALL, 0.01);
		Instant night = Instant.parse("2026-12-01T15:00:00Z");

		Ranking ranking = recommender.assess(order(Grade.L3, Category.PLUMBING), List.of(onCall), Map.of(), night,
				ZONE);

		assertThat(ranking.notProposed()).extracting(NotProposed::reason)
			.containsExactly(NotProposed.Reason.ON_CALL_URGENT_ONLY);
		assertThat(onCall.availability(night.atZone(ZONE), false)).isEqualTo(Availability.ON_CALL);
	}

	@Test
	void anEmergencyInterruptsUrgentWorkOnlyInASurge() {
		Technician busy = technician(1, Map.of(Category.PLUMBING, 5), DAY, 0.001);
		Technician farAndFree = technician(2, Map.of(Category.PLUMBING, 5), DAY, 0.08);
		Map<Long, List<Job>> jobs = Map.of(1L, List.of(working(1, "BX-URGENT", Grade.L2)));

		Ranking calm = recommender.assess(order(Grade.L1, Category.PLUMBING), List.of(busy, farAndFree), jobs, NOW,
				ZONE, 1);
		Ranking surge = recommender.assess(order(Grade.L1, Category.PLUMBING), List.of(busy, farAndFree), jobs, NOW,
				ZONE, 3);

		assertThat(calm.proposals()).allSatisfy(p -> {
			assertThat(p.reasons().get("preempts")).isNull();
			assertThat(p.reasons()).doesNotContainKey("surge");
		});
		Proposal first = surge.proposals().get(0);
		assertThat(first.technicianId()).isEqualTo(1L);
		assertThat(first.reasons().get("preempts")).isEqualTo("BX-URGENT");
		assertThat(first.reasons().get("surge")).isEqualTo(Map.of("openEmergencies", 3, "freeQualified", 1, "shortfall",
				2, "summary", "紧急高峰：3单紧急待到场，仅1名技师空闲，缺2人 surge: 3 emergencies waiting, 1 free, short by 2"));
		assertThat(first.reasons().get("summary").toString()).endsWith("紧急高峰，缺2人 surge: short by 2");
	}

	@Test
	void countsAsFreeOnlyQualifiedTechniciansOnShiftWithoutUrgentWork() {
		Technician idle = technician(1, Map.of(Category.PLUMBING, 3), DAY, 0.01);
		Technician onPlannedWork = technician(2, Map.of(Category.PLUMBING, 3), DAY, 0.01);
		Technician onUrgentWork = technician(3, Map.of(Category.PLUMBING, 3), DAY, 0.01);
		Technician electrician = technician(4, Map.of(Category.ELECTRICAL, 3), DAY, 0.01);
		Technician onCall = technician(5, Map.of(Category.PLUMBING, 3), NIGHT_ON_CALL, 0.01);
		Map<Long, List<Job>> jobs = Map.of(2L, List.of(working(2, "BX-PLANNED", Grade.L3)), 3L,
				List.of(working(3, "BX-URGENT", Grade.L2)));

		Surge surge = recommender.surge(order(Grade.L1, Category.PLUMBING),
				List.of(idle, onPlannedWork, onUrgentWork, electrician, onCall), jobs, 3, NOW, ZONE);

		assertThat(surge.freeQualified()).isEqualTo(2);
		assertThat(surge.active()).isTrue();
		assertThat(surge.shortfall()).isEqualTo(1);
	}

	@Test
	void anOnCallTechniciansEtaIncludesTheWakeUp() {
		Recommender waking = new Recommender(new TravelTimes.StraightLine(20, 1.3, Duration.ofMinutes(2)),
				Duration.ofMinutes(2), Duration.ofMinutes(15), Duration.ofMinutes(15),
				Recommender.UrgentPreemption.IN_SURGE);
		Technician onCall = technician(1, Map.of(Category.PLUMBING, 3), NIGHT_ON_CALL, 0.001);
		Instant night = Instant.parse("2026-12-01T15:00:00Z");

		Proposal asleep = waking.rank(order(Grade.L1, Category.PLUMBING), List.of(onCall), Map.of(), night, ZONE)
			.get(0);
		Proposal awake = recommender.rank(order(Grade.L1, Category.PLUMBING), List.of(onCall), Map.of(), night, ZONE)
			.get(0);

		assertThat(asleep.etaMinutes()).isEqualTo(awake.etaMinutes() + 15);
		assertThat(asleep.reasons().get("wakeUpMinutes")).isEqualTo(15L);
		assertThat(awake.reasons()).doesNotContainKey("wakeUpMinutes");
	}

	@Test
	void namesTheOnCallTechnicianToWakeAheadWhenTheEmergencyLeavesNobodyFreeInItsTrade() {
		Shift night = new Shift(null, LocalTime.of(20, 0), LocalTime.of(8, 0), false);
		Technician onShift = technician(1, Map.of(Category.PLUMBING, 4), night, 0.001);
		Technician asleepNear = technician(2, Map.of(Category.PLUMBING, 3), NIGHT_ON_CALL, 0.02);
		Technician asleepFar = technician(3, Map.of(Category.PLUMBING, 3), NIGHT_ON_CALL, 0.05);
		Technician electrician = technician(4, Map.of(Category.ELECTRICAL, 5), night, 0.001);
		Instant late = Instant.parse("2026-12-01T15:00:00Z");

		Proposal emergency = recommender
			.rank(order(Grade.L1, Category.PLUMBING), List.of(onShift, asleepNear, asleepFar, electrician), Map.of(),
					late, ZONE)
			.get(0);
		Proposal urgent = recommender
			.rank(order(Grade.L2, Category.PLUMBING), List.of(onShift, asleepNear, asleepFar, electrician), Map.of(),
					late, ZONE)
			.get(0);

		assertThat(emergency.technicianId()).isEqualTo(1L);
		@SuppressWarnings("unchecked")
		Map<String, Object> wake = (Map<String, Object>) emergency.reasons().get("wakeAhead");
		assertThat(wake).containsEntry("technicianId", 2L).containsEntry("name", "师傅2").containsEntry("freeLeft", 0);
		assertThat(wake.get("reason").toString()).contains("提前叫醒值班师傅2").contains("wake on-call 师傅2 now");
		assertThat(emergency.reasons().get("summary").toString()).endsWith("wake on-call 师傅2 ahead");
		assertThat(urgent.reasons()).doesNotContainKey("wakeAhead");
	}

	@Test
	void wakesNobodyAheadWhileThreeColleaguesWithTheTradeAreStillFree() {
		Shift night = new Shift(null, LocalTime.of(20, 0), LocalTime.of(8, 0), false);
		Technician first = technician(1, Map.of(Category.PLUMBING, 4), night, 0.001);
		Technician second = technician(2, Map.of(Category.PLUMBING, 4), night, 0.01);
		Technician third = technician(3, Map.of(Category.PLUMBING, 4), night, 0.02);
		Technician fourth = technician(5, Map.of(Category.PLUMBING, 4), night, 0.03);
		Technician asleep = technician(4, Map.of(Category.PLUMBING, 3), NIGHT_ON_CALL, 0.02);
		Instant late = Instant.parse("2026-12-01T15:00:00Z");

		Proposal enough = recommender
			.rank(order(Grade.L1, Category.PLUMBING), List.of(first, second, third, fourth, asleep), Map.of(), late,
					ZONE)
			.get(0);
		Proposal oneBusy = recommender
			.rank(order(Grade.L1, Category.PLUMBING), List.of(first, second, third, fourth, asleep),
					Map.of(3L, List.of(working(3, "BX-URGENT", Grade.L2))), late, ZONE)
			.get(0);

		assertThat(enough.reasons()).doesNotContainKey("wakeAhead");
		assertThat(oneBusy.reasons()).containsKey("wakeAhead");
	}

	@Test
	void namesTheOnCallTechnicianToWakeAheadWhenOnlyTwoColleaguesWithTheTradeAreLeftFree() {
		Shift night = new Shift(null, LocalTime.of(20, 0), LocalTime.of(8, 0), false);
		Technician first = technician(1, Map.of(Category.PLUMBING, 4), night, 0.001);
		Technician second = technician(2, Map.of(Category.PLUMBING, 4), night, 0.01);
		Technician third = technician(3, Map.of(Category.PLUMBING, 4), night, 0.02);
		Technician asleep = technician(4, Map.of(Category.PLUMBING, 3), NIGHT_ON_CALL, 0.02);
		Instant late = Instant.parse("2026-12-01T15:00:00Z");

		Proposal emergency = recommender
			.rank(order(Grade.L1, Category.PLUMBING), List.of(first, second, third, asleep), Map.of(), late, ZONE)
			.get(0);

		assertThat(emergency.technicianId()).isEqualTo(1L);
		@SuppressWarnings("unchecked")
		Map<String, Object> wake = (Map<String, Object>) emergency.reasons().get("wakeAhead");
		assertThat(wake).containsEntry("technicianId", 4L).containsEntry("freeLeft", 2);
		assertThat(wake.get("reason").toString()).contains("仅剩2名空闲技工").contains("only 2 free with the trade");
	}

	@Test
	void namesAFreeColleagueForEachQueuedOrderAnEmergencyWouldPutOff() {
		Technician holder = technician(1, Map.of(Category.PLUMBING, 5), DAY, 0.001);
		Technician free = technician(2, Map.of(Category.PLUMBING, 3), DAY, 0.02);
		Technician busy = technician(3, Map.of(Category.PLUMBING, 3), DAY, 0.001);
		Map<Long, List<Job>> jobs = Map.of(1L, List.of(waiting(1, "BX-QUEUED", Grade.L3, null)), 3L,
				List.of(working(3, "BX-OTHER", Grade.L1)));

		Proposal forEmergency = rank(order(Grade.L1, Category.PLUMBING), List.of(holder, free, busy), jobs).stream()
			.filter(p -> p.technicianId() == 1)
			.findFirst()
			.orElseThrow();
		Proposal forRoutine = rank(order(Grade.L3, Category.PLUMBING), List.of(holder, free, busy), jobs).stream()
			.filter(p -> p.technicianId() == 1)
			.findFirst()
			.orElseThrow();

		assertThat(forEmergency.reasons().get("delays")).isEqualTo(List.of("BX-QUEUED"));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> handOver = (List<Map<String, Object>>) forEmergency.reasons().get("handOver");
		assertThat(handOver).singleElement().satisfies(move -> {
			assertThat(move.get("order")).isEqualTo("BX-QUEUED");
			assertThat(move.get("technicianId")).isEqualTo(2L);
			assertThat(move.get("name")).isEqualTo("师傅2");
		});
		assertThat(forRoutine.reasons()).doesNotContainKey("handOver");
	}

	private static Technician withStatus(Technician t, TechnicianStatus status) {
		return new Technician(t.id(), t.tenantId(), t.username(), t.name(), t.phone(), status, t.position(),
				t.positionAt(), t.maxOpenJobs(), t.skills(), t.shifts(), t.projectIds());
	}

	private List<Proposal> rank(Recommender.Order order, List<Technician> technicians, Map<Long, List<Job>> jobs) {
		return recommender.rank(order, technicians, jobs, NOW, ZONE);
	}

	private static Recommender.Order order(Grade grade, Category category) {
		Duration limit = switch (grade) {
			case L1 -> Duration.ofMinutes(30);
			case L2 -> Duration.ofHours(2);
			default -> Duration.ofDays(1);
		};
		return new Recommender.Order("BX-NEW", 1, grade, category, SITE, NOW.plus(limit));
	}

	/** A technician on the day shift, {@code offset} degrees north of the site. */
	private static Technician technician(long id, Map<Category, Integer> skills, Shift shift, double offset) {
		return new Technician(id, 1, "tech" + id, "师傅" + id, null, TechnicianStatus.ON_DUTY,
				new GeoPoint(SITE.lat() + offset, SITE.lng()), NOW, 5, skills, List.of(shift), Set.of());
	}

	private static Job working(long technician, String number, Grade grade) {
		return new Job(number, technician, grade, Category.PLUMBING, "IN_PROGRESS", SITE,
				NOW.minus(Duration.ofMinutes(30)), NOW.minus(Duration.ofMinutes(10)), null);
	}

	private static Job waiting(long technician, String number, Grade grade, Instant arriveBy) {
		return new Job(number, technician, grade, Category.PLUMBING, "DISPATCHED", SITE,
				NOW.minus(Duration.ofMinutes(5)), null, arriveBy);
	}

}
