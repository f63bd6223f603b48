package org.suxiu.dispatch.dayplan;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.dispatch.dayplan.DayPlanStore.Plan;
import org.suxiu.dispatch.dayplan.DayPlanStore.Visit;
import org.suxiu.dispatch.planning.DayPlanSolution;
import org.suxiu.dispatch.planning.DayPlanner;
import org.suxiu.dispatch.planning.PlanTechnician;
import org.suxiu.dispatch.planning.PlanVisit;
import org.suxiu.property.Project;
import org.suxiu.workorder.OrderFacts;

/**
 * Proposes day plans: reads the project's state, lets the solver plan the NEW orders
 * around the work already in hand, and stores the proposal with who asked.
 */
@Service
public class DayPlans {

	private final DayPlanProblems problems;

	private final DayPlanStore store;

	private final DayPlanner planner;

	private final Clock clock;

	private final TransactionTemplate transactions;

	DayPlans(DayPlanProblems problems, DayPlanStore store, Clock clock, TransactionTemplate transactions,
			@Value("${suxiu.dispatch.planner.time-limit:PT2S}") Duration timeLimit,
			@Value("${suxiu.dispatch.planner.unimproved-time-limit:PT0.5S}") Duration unimprovedTimeLimit) {
		this.problems = problems;
		this.store = store;
		this.clock = clock;
		this.transactions = transactions;
		this.planner = new DayPlanner(DayPlanner.Settings.timed(timeLimit, unimprovedTimeLimit));
	}

	/**
	 * Plans and stores a proposal; with {@code onlyIfWork}, stores nothing when there is
	 * no NEW order to plan. Solving holds no database connection unless the caller's
	 * transaction does.
	 * @return the stored plan's id, or {@code null}
	 */
	public Long propose(Project project, String askedBy, boolean onlyIfWork) {
		DayPlanProblems.Problem problem = problems.read(project);
		if (onlyIfWork && !problem.hasWorkToPlan()) {
			return null;
		}
		DayPlanSolution plan = problem.solution();
		String score = null;
		long millis = 0;
		if (problem.hasWorkToPlan()) {
			DayPlanner.Solved solved = planner.solve(plan);
			plan = solved.plan();
			score = plan.getScore().toString();
			millis = solved.millis();
		}
		else if (!plan.getTechnicians().isEmpty()) {
			planner.evaluate(plan);
		}
		boolean feasible = plan.getScore() == null || plan.getScore().isFeasible();
		Plan proposal = new Plan(0, project.tenantId(), project.id(), "PROPOSED", score, feasible, millis,
				clock.instant(), askedBy, null, null, visits(plan, problem));
		return transactions.execute(status -> store.insert(proposal));
	}

	private static List<Visit> visits(DayPlanSolution plan, DayPlanProblems.Problem problem) {
		Map<String, OrderFacts> seen = problem.seen();
		List<Visit> visits = new ArrayList<>();
		long horizon = plan.getTechnicians().stream().mapToLong(PlanTechnician::getShiftEnd).max().orElse(0);
		for (PlanTechnician route : plan.getTechnicians()) {
			int sequence = 0;
			for (PlanVisit v : route.getVisits()) {
				sequence++;
				if (!problem.ownOrders().contains(v.getId())) {
					continue;
				}
				visits.add(new Visit(v.getId(), v.getGrade(), v.getCategory(), v.isPinned(), route.getId(),
						route.getName(), sequence, plan.at(v.getArrival()), plan.at(v.getStart()),
						plan.at(v.getDeparture()), v.getArriveBy() == null ? null : plan.at(v.getArriveBy()), null,
						seen.get(v.getId()), null, null));
			}
		}
		for (PlanVisit v : plan.getVisits()) {
			if (v.getTechnician() == null) {
				visits.add(new Visit(v.getId(), v.getGrade(), v.getCategory(), false, null, null, null, null, null,
						null, v.getArriveBy() == null ? null : plan.at(v.getArriveBy()), whyUnplanned(plan, v, horizon),
						seen.get(v.getId()), null, null));
			}
		}
		return visits;
	}

	private static String whyUnplanned(DayPlanSolution plan, PlanVisit visit, long horizon) {
		if (plan.getTechnicians().stream().noneMatch(t -> t.level(visit.getCategory()) > 0)) {
			return "无在班合格技师 no qualified technician on shift";
		}
		if (visit.getReadyAt() >= horizon) {
			return "预约在今日班次之后 the appointment is after today's shifts";
		}
		return "今日班次内排不下 does not fit before the shifts end or within the open-jobs limits";
	}

}
