package org.suxiu.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.aftercare.FollowUpStatus;
import org.suxiu.aftercare.FollowUpView;
import org.suxiu.aftercare.FollowUps;
import org.suxiu.property.OwnerContact;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.Site;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.DomainException;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.SuxiuProperties;
import tools.jackson.databind.json.JsonMapper;
import org.suxiu.triage.Triage;
import org.suxiu.triage.TriageResult;
import org.suxiu.workorder.OrderCommand;
import org.suxiu.workorder.Channel;
import org.suxiu.workorder.OrderFollowers;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrders;
import org.suxiu.workorder.WorkOrderView;

/**
 * The hotline and front-desk console (R1, R2): find the caller by phone or room, the
 * grade the rules suggest while the description is typed, a warning of an open order at
 * the same place, the appointment for planned work, the order number read back; and the
 * follow-up calls due by the projects' rules, earliest first, then the other accepted
 * orders (which close by themselves).
 */
@Controller
@RequestMapping("/agent")
class AgentConsole {

	static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);

	/** Orders a second caller can still be linked to. */
	private static final List<Status> FOLLOWABLE = List.of(Status.NEW, Status.DISPATCHED, Status.TAKEN, Status.ARRIVED,
			Status.IN_PROGRESS, Status.ON_HOLD, Status.COMPLETED);

	private final WorkOrders orders;

	private final PropertyDirectory property;

	private final Triage triage;

	private final OrderPage orderPage;

	private final SuxiuProperties properties;

	private final JsonMapper json;

	private final OrderFollowers followers;

	private final FollowUps followUps;

	AgentConsole(WorkOrders orders, PropertyDirectory property, Triage triage, OrderPage orderPage,
			SuxiuProperties properties, JsonMapper json, OrderFollowers followers, FollowUps followUps) {
		this.followUps = followUps;
		this.followers = followers;
		this.json = json;
		this.orders = orders;
		this.property = property;
		this.triage = triage;
		this.orderPage = orderPage;
		this.properties = properties;
	}

	@GetMapping
	String console(Actor me, Model model) {
		page(me, model, IntakeForm.empty(firstProject(me)));
		return "agent/console";
	}

	/** Owners and homes matching a phone number or a room such as {@code 2-1-502}. */
	@GetMapping("/lookup")
	String lookup(Actor me, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) String project,
			Model model) {
		String code = project == null || project.isBlank() ? firstProject(me) : project;
		String query = q.trim();
		List<Match> matches = new java.util.ArrayList<>();
		property.ownerByPhone(query)
			.ifPresent(owner -> property.homesOf(owner.id())
				.stream()
				.filter(h -> me.serves(h.project().tenantId(), h.project().id()))
				.forEach(h -> matches.add(new Match(owner, h))));
		String[] room = IntakeForm.parseRoom(query);
		if (room != null) {
			property.home(code, room[0], room[1], room[2])
				.filter(h -> me.serves(h.project().tenantId(), h.project().id()))
				.ifPresent(h -> {
					List<OwnerContact> owners = property.ownersOf(h.homeId());
					if (owners.isEmpty()) {
						matches.add(new Match(null, h));
					}
					owners.forEach(o -> matches.add(new Match(o, h)));
				});
		}
		model.addAttribute("q", query);
		model.addAttribute("matches", matches);
		return "agent/console :: lookup";
	}

	/**
	 * One person and place found.
	 *
	 * @param owner the owner, or {@code null} for a home without one
	 * @param home the home
	 */
	record Match(OwnerContact owner, Site home) {

		public String room() {
			return home.building() + "-" + home.unit() + "-" + home.room();
		}

	}

	/** The intake form filled from a lookup result. */
	@GetMapping("/form")
	String form(Actor me, @ModelAttribute IntakeForm form, Model model) {
		page(me, model, form);
		return "agent/console :: intake";
	}

	/** The suggested grade and any open order at the same place, as the agent types. */
	@PostMapping("/preview")
	String preview(Actor me, @ModelAttribute IntakeForm form, Model model) {
		if (form.category() != null && form.description() != null && !form.description().isBlank()) {
			TriageResult result = triage.grade(me.tenantId(), form.category(), form.description());
			model.addAttribute("suggested", result);
		}
		model.addAttribute("duplicates", duplicates(me, form));
		return "agent/console :: preview";
	}

	@PostMapping("/orders")
	String create(Actor me, @ModelAttribute IntakeForm form, Model model, HttpServletResponse response) {
		try {
			WorkOrderView order = orders.report(me, form.toRequest(properties.zone()), null).order();
			return "redirect:/agent/orders/" + order.number() + "?created";
		}
		catch (DomainException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("error", ex.getMessage());
			page(me, model, form);
			return "agent/console";
		}
	}

	@GetMapping("/orders/{number}")
	String order(Actor me, @PathVariable String number, Model model) {
		WorkOrderView order = orderPage.fill(me, number, model);
		model.addAttribute("followers", followers.of(order.number()));
		model.addAttribute("grades", org.suxiu.shared.Grade.values());
		if (order.gradeExplanation() != null) {
			// the grade's reasons as triage gave them when the order was taken in
			model.addAttribute("why", json.treeToValue(order.gradeExplanation(), TriageResult.class));
		}
		return "agent/order";
	}

	/**
	 * The caller reports a fault that already has an open order: instead of a second
	 * order, they follow that one and get its messages.
	 */
	@PostMapping("/orders/{number}/followers")
	String follow(Actor me, @PathVariable String number, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String phone, RedirectAttributes redirect) {
		WorkOrderView order = orders.read(me, number);
		String caller = phone.strip();
		if (caller.isEmpty() || !PhoneNumber.isValid(caller)) {
			throw new InvalidInput("phone", "the caller's mobile number is needed to send them the order's messages");
		}
		if (!FOLLOWABLE.contains(order.status())) {
			throw new InvalidInput("number", "the order is finished; take a new one instead");
		}
		followers.follow(me.tenantId(), order.number(), name.isBlank() ? caller : name.strip(), caller, me.username());
		redirect.addFlashAttribute("noticeKey", "agent.merged");
		redirect.addFlashAttribute("noticeArg", order.number());
		return "redirect:/agent/orders/" + order.number() + "?merged";
	}

	@PostMapping("/orders/{number}/follow-up")
	String followUp(Actor me, @PathVariable String number, @RequestParam(required = false) Boolean satisfied,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		orders.followUp(me, new OrderCommand.FollowUp(number, null, satisfied, note.isBlank() ? null : note));
		redirect.addFlashAttribute("noticeKey", "agent.closed");
		redirect.addFlashAttribute("noticeArg", number);
		return "redirect:/agent";
	}

	private void page(Actor me, Model model, IntakeForm form) {
		List<Project> projects = projects(me);
		model.addAttribute("projects", projects);
		model.addAttribute("form", form);
		Optional<Project> project = projects.stream().filter(p -> p.code().equals(form.project())).findFirst();
		model.addAttribute("areas", project.map(p -> property.commonAreas(p.id())).orElse(List.of()));
		model.addAttribute("categories", Category.values());
		model.addAttribute("grades", org.suxiu.shared.Grade.values());
		model.addAttribute("channels", List.of(Channel.HOTLINE, Channel.FRONT_DESK));
		// the calls due by the project's rules, earliest first; then the other accepted
		// orders, which close by themselves but may be called all the same
		List<FollowUpView> calls = followUps.list(me, null, null, FollowUpStatus.DUE, 0, 50).items();
		java.util.Set<String> called = new java.util.HashSet<>();
		calls.forEach(c -> called.add(c.number()));
		model.addAttribute("calls", calls);
		model.addAttribute("followUps",
				orders.list(me, List.of(Status.ACCEPTED), null, null, null, 0, 50)
					.items()
					.stream()
					.filter(o -> !called.contains(o.number()))
					.toList());
	}

	private List<WorkOrderView> duplicates(Actor me, IntakeForm form) {
		if (form.category() == null || form.project() == null || form.location() == null) {
			return List.of();
		}
		Optional<Site> site = form.hasArea() ? property.commonArea(form.project(), form.area()) : property
			.home(form.project(), form.location().building(), form.location().unit(), form.location().room());
		return site.filter(s -> me.serves(s.project().tenantId(), s.project().id()))
			.map(s -> orders.openAtSamePlace(me, s, form.category(), DUPLICATE_WINDOW))
			.orElse(List.of());
	}

	private List<Project> projects(Actor me) {
		return property.projectsOf(me.tenantId()).stream().filter(p -> me.serves(p.tenantId(), p.id())).toList();
	}

	private String firstProject(Actor me) {
		List<Project> projects = projects(me);
		return projects.isEmpty() ? null : projects.get(0).code();
	}

}
