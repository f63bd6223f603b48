package org.suxiu.workorder.internal;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.suxiu.property.Project;
import org.suxiu.property.Site;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.suxiu.workorder.Assignee;
import org.suxiu.workorder.Channel;
import org.suxiu.workorder.GradeSource;
import org.suxiu.workorder.IllegalTransition;
import org.suxiu.workorder.Reporter;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrderCreated;
import org.suxiu.workorder.WorkOrderDispatched;
import org.suxiu.workorder.WorkOrderReopened;

/**
 * The aggregate's own rules, without Spring or a database.
 */
class WorkOrderTest {

	private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

	private static final Project DEMO = new Project(1, 10, "DEMO", "示范花园");

	private static final Site HOME = new Site(DEMO, 101L, null, "1", "1", "101", null);

	private static final Actor AGENT = staff(1, "agent", Role.AGENT);

	private static final Actor DISPATCHER = staff(2, "dispatcher", Role.DISPATCHER);

	private static final Actor SUPERVISOR = staff(3, "supervisor", Role.SUPERVISOR);

	private static final Actor TECH01 = staff(6, "tech01", Role.TECHNICIAN);

	private static final Actor TECH02 = staff(7, "tech02", Role.TECHNICIAN);

	private static final Actor OWNER = new Actor(50, "13800000001", "张伟", Role.OWNER, null, Set.of());

	private static final Actor OTHER_OWNER = new Actor(51, "13800000002", "李娜", Role.OWNER, null, Set.of());

	@Test
	void startsNewWithOneCreateLineAndACreatedEvent() {
		WorkOrder order = leakReportedByOwner();

		assertThat(order.status).isEqualTo(Status.NEW);
		assertThat(order.newHistory()).singleElement().satisfies(h -> {
			assertThat(h.action()).isEqualTo("create");
			assertThat(h.to()).isEqualTo("NEW");
			assertThat(h.channel()).isEqualTo("APP");
		});
		assertThat(order.events()).singleElement().isInstanceOf(WorkOrderCreated.class);
	}

	@Test
	void dispatchAssignsTheTechnicianAndPublishesDispatched() {
		WorkOrder order = leakReportedByOwner();

		order.dispatch(DISPATCHER, new Assignee(6, "陈师傅", "13900000201"), null, NOW);

		assertThat(order.status).isEqualTo(Status.DISPATCHED);
		assertThat(order.assignee.id()).isEqualTo(6);
		assertThat(order.events()).last().isInstanceOf(WorkOrderDispatched.class);
	}

	@Test
	void refusesDispatchByAnAgent() {
		WorkOrder order = leakReportedByOwner();

		assertThatThrownBy(() -> order.dispatch(AGENT, new Assignee(6, "陈师傅", null), null, NOW))
			.isInstanceOf(Forbidden.class);
		assertThat(order.status).isEqualTo(Status.NEW);
	}

	@Test
	void refusesTakeByAnotherTechnician() {
		WorkOrder order = dispatchedToTech01();

		assertThatThrownBy(() -> order.take(TECH02, null, NOW)).isInstanceOf(Forbidden.class);
	}

	@Test
	void refusesArriveBeforeTake() {
		WorkOrder order = dispatchedToTech01();

		assertThatThrownBy(() -> order.arrive(TECH01, null, NOW)).isInstanceOf(IllegalTransition.class);
		assertThat(order.status).isEqualTo(Status.DISPATCHED);
	}

	@Test
	void declineReturnsTheOrderToNewWithoutAssignee() {
		WorkOrder order = dispatchedToTech01();

		order.decline(TECH01, "太远", NOW);

		assertThat(order.status).isEqualTo(Status.NEW);
		assertThat(order.assignee).isNull();
	}

	@Test
	void supervisorMayHoldAndResumeSomeoneElsesJob() {
		WorkOrder order = inProgressByTech01();

		order.hold(SUPERVISOR, "等配件", NOW);
		order.resume(SUPERVISOR, null, NOW);

		assertThat(order.status).isEqualTo(Status.IN_PROGRESS);
		assertThat(order.holdReason).isNull();
	}

	@Test
	void onlyTheReportingOwnerOrAnAgentAccepts() {
		WorkOrder order = completedByTech01();

		assertThatThrownBy(() -> order.accept(OTHER_OWNER, 5, null, NOW)).isInstanceOf(Forbidden.class);
		order.accept(OWNER, 4, "还行", NOW);

		assertThat(order.status).isEqualTo(Status.ACCEPTED);
		assertThat(order.rating).isEqualTo(4);
	}

	@Test
	void followUpClosesAnAcceptedOrderAndRecordsAComplaint() {
		WorkOrder order = completedByTech01();
		order.accept(AGENT, 2, null, NOW);

		order.followUp(AGENT, false, "师傅态度差", NOW);

		assertThat(order.status).isEqualTo(Status.CLOSED);
		assertThat(order.satisfied).isFalse();
		assertThat(order.newHistory()).last().satisfies(h -> assertThat(h.note()).contains("complaint"));
	}

	@Test
	void reopenClosesTheOriginalPointingAtTheRework() {
		WorkOrder order = completedByTech01();

		order.reopen(OWNER, "还在漏", "BX20261127000999", NOW);

		assertThat(order.status).isEqualTo(Status.CLOSED);
		assertThat(order.reworkNumber).isEqualTo("BX20261127000999");
		assertThat(order.events()).last().isInstanceOf(WorkOrderReopened.class);
	}

	@Test
	void cancelIsOpenToTheReporterUntilTheJobIsTaken() {
		WorkOrder dispatched = dispatchedToTech01();
		WorkOrder taken = dispatchedToTech01();
		taken.take(TECH01, null, NOW);

		dispatched.cancel(OWNER, "已自行修好", NOW);

		assertThat(dispatched.status).isEqualTo(Status.CANCELLED);
		assertThatThrownBy(() -> taken.cancel(OWNER, "不修了", NOW)).isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> dispatchedToTech01().cancel(OTHER_OWNER, "x", NOW)).isInstanceOf(Forbidden.class);
	}

	@Test
	void regradeRecordsOldAndNewGradeAndMakesItManual() {
		WorkOrder order = leakReportedByOwner();

		order.regrade(AGENT, Grade.L1, "水漫到楼下", NOW);

		assertThat(order.grade).isEqualTo(Grade.L1);
		assertThat(order.gradeSource).isEqualTo(GradeSource.MANUAL);
		assertThat(order.newHistory()).last().satisfies(h -> {
			assertThat(h.from()).isEqualTo("L3");
			assertThat(h.to()).isEqualTo("L1");
		});
	}

	@Test
	void ownersSeeOnlyWhatTheyReportedAndStaffOnlyTheirProjects() {
		WorkOrder order = leakReportedByOwner();
		Actor otherTenant = new Actor(90, "north-agent", "钱丽", Role.AGENT, 20L, Set.of());
		Actor otherProject = new Actor(91, "agent2", "某", Role.AGENT, 10L, Set.of(2L));

		assertThat(order.isVisibleTo(OWNER)).isTrue();
		assertThat(order.isVisibleTo(AGENT)).isTrue();
		assertThat(order.isVisibleTo(OTHER_OWNER)).isFalse();
		assertThat(order.isVisibleTo(otherTenant)).isFalse();
		assertThat(order.isVisibleTo(otherProject)).isFalse();
	}

	private static WorkOrder leakReportedByOwner() {
		return WorkOrder.intake("BX20261127000001", HOME, Category.PLUMBING, Channel.APP, "水龙头滴水",
				new Reporter("张伟", "13800000001"), OWNER.id(), OWNER, Grade.L3, GradeSource.AUTO,
				new GradeNote("滴水", false, null), null, NOW, NOW, null);
	}

	private static WorkOrder dispatchedToTech01() {
		WorkOrder order = leakReportedByOwner();
		order.dispatch(DISPATCHER, new Assignee(TECH01.id(), "陈师傅", "13900000201"), null, NOW);
		return order;
	}

	private static WorkOrder inProgressByTech01() {
		WorkOrder order = dispatchedToTech01();
		order.take(TECH01, null, NOW);
		order.arrive(TECH01, null, NOW);
		order.start(TECH01, null, NOW);
		return order;
	}

	private static WorkOrder completedByTech01() {
		WorkOrder order = inProgressByTech01();
		order.complete(TECH01, "换了阀芯", NOW);
		return order;
	}

	private static Actor staff(long id, String username, Role role) {
		return new Actor(id, username, username, role, 10L, Set.of());
	}

}
