package org.suxiu.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.dispatch.Ranking;
import org.suxiu.dispatch.TechnicianBoard;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.OrderCommand;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.Status;
import org.suxiu.shared.NotFound;
import org.suxiu.workorder.WorkOrderView;
import org.suxiu.workorder.WorkOrders;

/**
 * The dispatcher's console (R4, R12): the live queue of new and at-risk orders by time
 * left, each order's ranked proposals with their breakdown, dispatch with one click or to
 * another technician with a reason, the technician board and the site plan. The live part
 * is one fragment, refreshed when a live event arrives (and slowly polled besides).
 */
@Controller
@RequestMapping("/dispatch")
class DispatcherConsole {

	private static final List<Status> OPEN = List.of(Status.NEW, Status.DISPATCHED, Status.TAKEN, Status.ARRIVED,
			Status.IN_PROGRESS, Status.ON_HOLD);

	private final WorkOrders orders;

	private final TechnicianBoard board;

	private final PropertyDirectory property;

	private final Clock clock;

	private final Words words;

	private final SuxiuProperties properties;

	DispatcherConsole(WorkOrders orders, TechnicianBoard board, PropertyDirectory property, Clock clock, Words words,
			SuxiuProperties properties) {
		this.words = words;
		this.properties = properties;
		this.orders = orders;
		this.board = board;
		this.property = property;
		this.clock = clock;
	}

	@GetMapping
	String console(Actor me, @RequestParam(required = false) String project, Model model) {
		live(me, project, model);
		return "dispatch/console";
	}

	@GetMapping("/live")
	String liveFragment(Actor me, @RequestParam(required = false) String project, Model model) {
		live(me, project, model);
		return "dispatch/console :: live";
	}

	@GetMapping("/orders/{number}")
	String proposals(Actor me, @PathVariable String number, Model model) {
		WorkOrderView order = orders.read(me, number);
		OrderFacts facts = orders.facts(number).orElseThrow(() -> new NotFound("Work order", number));
		Ranking ranking = board.ranking(me, facts);
		model.addAttribute("o", order);
		// the technician who has not answered is no proposal for sending someone else
		long assignee = order.assignee() == null ? -1 : order.assignee().id();
		model.addAttribute("proposals", ProposalWords
			.of(ranking.proposals().stream().filter(p -> p.technicianId() != assignee).toList(), words));
		model.addAttribute("whyNot", WhyNotWords.of(ranking.notProposed(), order, words, properties.zone()));
		return "dispatch/console :: proposals";
	}

	@PostMapping("/orders/{number}/dispatch")
	String dispatch(Actor me, @PathVariable String number, @RequestParam String technicianId,
			@RequestParam(defaultValue = "false") boolean first, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		if (!first && reason.isBlank()) {
			throw new InvalidInput("reason", "give a reason for not sending the first proposal 请说明改派原因");
		}
		WorkOrderView order = orders.dispatch(me,
				new OrderCommand.Dispatch(number, null, technicianId, reason.isBlank() ? null : reason));
		redirect.addFlashAttribute("notice", order.number() + " → " + order.assignee().name());
		return "redirect:/dispatch";
	}

	/**
	 * An emergency to push: nobody has it yet, its technician has not answered, or they
	 * took it and are not there by the promised arrival.
	 */
	static boolean needsPush(WorkOrderView order, Instant now) {
		if (order.grade() != Grade.L1) {
			return false;
		}
		if (order.status() == Status.NEW || order.status() == Status.DISPATCHED) {
			return true;
		}
		return order.status() == Status.TAKEN && order.deadlines() != null && order.deadlines().arriveBy() != null
				&& order.deadlines().arriveBy().toInstant().isBefore(now);
	}

	private void live(Actor me, String projectCode, Model model) {
		List<Project> projects = property.projectsOf(me.tenantId())
			.stream()
			.filter(p -> me.serves(p.tenantId(), p.id()))
			.toList();
		Project project = projects.stream()
			.filter(p -> p.code().equals(projectCode))
			.findFirst()
			.orElse(projects.isEmpty() ? null : projects.get(0));
		Long projectId = project == null ? null : project.id();
		List<WorkOrderView> open = orders.list(me, OPEN, null, projectId, null, 0, 200).items();
		List<Due> queue = Due.byTimeLeft(open, clock.instant())
			.stream()
			.filter(d -> d.order().status() == Status.NEW || d.atRisk())
			.toList();
		List<TechnicianBoard.BoardEntry> technicians = board.board(me, projectId);
		model.addAttribute("projects", projects);
		model.addAttribute("project", project);
		model.addAttribute("queue", queue);
		model.addAttribute("duplicates", PossibleDuplicates.among(open, AgentConsole.DUPLICATE_WINDOW));
		model.addAttribute("emergencies", open.stream().filter(o -> needsPush(o, clock.instant())).toList());
		model.addAttribute("technicians", technicians);
		model.addAttribute("plan",
				project == null ? SitePlan.empty() : SitePlan.of(property.buildings(project.id()), technicians, open));
	}

}
