package org.suxiu.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suxiu.asset.Assets;
import org.suxiu.inspection.Inspections;
import org.suxiu.inspection.ItemKind;
import org.suxiu.inspection.NewRoute;
import org.suxiu.inspection.RouteChange;
import org.suxiu.inspection.RouteView;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;

/**
 * The supervisor's route editor (巡检路线): a route's name and its checkpoints in walking
 * order, each at a common area with optional equipment and its check items. A plain form
 * without scripts: blank rows for new checkpoints and items, a tick to take one off.
 */
@Controller
class RoutePages {

	private static final List<Role> PLANNERS = List.of(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR);

	private static final Pattern POINT = Pattern.compile("cp(\\d{1,3})\\.name");

	private static final Pattern ITEM = Pattern.compile("cp(\\d{1,3})\\.item(\\d{1,3})\\.text");

	private static final int BLANK_POINTS = 2;

	private static final int BLANK_ITEMS = 2;

	private final Inspections inspections;

	private final PropertyDirectory property;

	private final Assets assets;

	RoutePages(Inspections inspections, PropertyDirectory property, Assets assets) {
		this.inspections = inspections;
		this.property = property;
		this.assets = assets;
	}

	/** A checkpoint row of the form; blank ones have no id and no name. */
	record PointForm(Long id, String name, String place, Long assetId, List<ItemForm> items) {
	}

	/** An item row of the form. */
	record ItemForm(Long id, String text, ItemKind kind, BigDecimal min, BigDecimal max, String unit) {
	}

	@GetMapping("/rounds/routes/new")
	String create(Actor me, @RequestParam String project, Model model) {
		planner(me);
		List<PointForm> points = Stream.generate(() -> blankPoint(BLANK_ITEMS + 1)).limit(BLANK_POINTS + 1).toList();
		return form(me, project, null, points, model);
	}

	@PostMapping("/rounds/routes")
	String created(Actor me, @RequestParam String project, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		RouteView route = inspections.createRoute(me,
				new NewRoute(project, form.getOrDefault("name", ""), points(form)));
		redirect.addFlashAttribute("noticeKey", "routes.saved");
		redirect.addFlashAttribute("noticeArg", route.name());
		return "redirect:/rounds/routes/" + route.id() + "/edit";
	}

	@GetMapping("/rounds/routes/{id:\\d+}/edit")
	String edit(Actor me, @PathVariable long id, Model model) {
		planner(me);
		RouteView route = inspections.route(me, id);
		List<PointForm> points = new ArrayList<>();
		for (RouteView.CheckpointView cp : route.checkpoints()) {
			List<ItemForm> items = new ArrayList<>(cp.items()
				.stream()
				.map(i -> new ItemForm(i.id(), i.text(), i.kind(), i.min(), i.max(), i.unit()))
				.toList());
			Stream.generate(RoutePages::blankItem).limit(BLANK_ITEMS).forEach(items::add);
			points.add(new PointForm(cp.id(), cp.name(), cp.place(), cp.assetId(), items));
		}
		Stream.generate(() -> blankPoint(BLANK_ITEMS + 1)).limit(BLANK_POINTS).forEach(points::add);
		return form(me, route.projectCode(), route, points, model);
	}

	@PostMapping("/rounds/routes/{id:\\d+}")
	String change(Actor me, @PathVariable long id, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		RouteView route = inspections.changeRoute(me, id,
				new RouteChange(form.getOrDefault("name", ""), integer("version", form.get("version")), points(form)));
		redirect.addFlashAttribute("noticeKey", "routes.saved");
		redirect.addFlashAttribute("noticeArg", route.name());
		return "redirect:/rounds/routes/" + route.id() + "/edit";
	}

	private String form(Actor me, String projectCode, RouteView route, List<PointForm> points, Model model) {
		Project project = property.project(projectCode)
			.filter(p -> me.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new InvalidInput("project", "unknown project 未知小区"));
		model.addAttribute("project", project.code());
		model.addAttribute("route", route);
		model.addAttribute("points", points);
		model.addAttribute("areas", property.commonAreas(project.id()));
		model.addAttribute("assets", assets.list(me, project.code(), null));
		return "rounds/route";
	}

	/**
	 * The checkpoints the form asks for, in the order given: ticked ones and blank rows
	 * left out.
	 */
	static List<NewRoute.Point> points(Map<String, String> form) {
		record Ordered(int order, int row, NewRoute.Point point) {
		}
		Map<Integer, Map<Integer, NewRoute.Item>> items = new TreeMap<>();
		for (String key : form.keySet()) {
			Matcher m = ITEM.matcher(key);
			if (m.matches()) {
				String at = "cp" + m.group(1) + ".item" + m.group(2) + ".";
				NewRoute.Item item = item(form, at);
				if (item != null) {
					items.computeIfAbsent(Integer.valueOf(m.group(1)), k -> new TreeMap<>())
						.put(Integer.valueOf(m.group(2)), item);
				}
			}
		}
		List<Ordered> points = new ArrayList<>();
		for (String key : form.keySet()) {
			Matcher m = POINT.matcher(key);
			if (!m.matches()) {
				continue;
			}
			int row = Integer.parseInt(m.group(1));
			String at = "cp" + row + ".";
			Long id = longOrNull(at + "id", form.get(at + "id"));
			List<NewRoute.Item> its = new ArrayList<>(items.getOrDefault(row, Map.of()).values());
			if ("yes".equals(form.get(at + "remove"))
					|| (id == null && blank(form.get(at + "name")) && its.isEmpty())) {
				continue;
			}
			Integer order = integer(at + "order", form.get(at + "order"));
			points.add(new Ordered(order == null ? Integer.MAX_VALUE : order, row,
					new NewRoute.Point(id, form.get(at + "name"), form.get(at + "place"),
							longOrNull(at + "asset", form.get(at + "asset")), its)));
		}
		return points.stream()
			.sorted(Comparator.comparingInt(Ordered::order).thenComparingInt(Ordered::row))
			.map(Ordered::point)
			.toList();
	}

	private static NewRoute.Item item(Map<String, String> form, String at) {
		Long id = longOrNull(at + "id", form.get(at + "id"));
		if ("yes".equals(form.get(at + "remove")) || (id == null && blank(form.get(at + "text")))) {
			return null;
		}
		String kind = form.getOrDefault(at + "kind", "PASS_FAIL");
		if (!kind.equals("PASS_FAIL") && !kind.equals("READING")) {
			throw new InvalidInput(at + "kind", "正常/异常 或 读数 pass/fail or a reading");
		}
		ItemKind itemKind = ItemKind.valueOf(kind);
		boolean reading = itemKind == ItemKind.READING;
		return new NewRoute.Item(id, form.get(at + "text"), itemKind,
				reading ? decimal(at + "min", form.get(at + "min")) : null,
				reading ? decimal(at + "max", form.get(at + "max")) : null, reading ? form.get(at + "unit") : null);
	}

	private static PointForm blankPoint(int items) {
		return new PointForm(null, "", "", null, Stream.generate(RoutePages::blankItem).limit(items).toList());
	}

	private static ItemForm blankItem() {
		return new ItemForm(null, "", ItemKind.PASS_FAIL, null, null, "");
	}

	private static void planner(Actor me) {
		if (!PLANNERS.contains(me.role())) {
			throw new Forbidden("routes are edited by supervisors, managers and administrators 巡检路线由主管编辑");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static Long longOrNull(String field, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput(field, "应为数字 a number");
		}
	}

	private static Integer integer(String field, String value) {
		Long number = longOrNull(field, value);
		if (number != null && (number < 0 || number > 1000)) {
			throw new InvalidInput(field, "0–1000");
		}
		return number == null ? null : number.intValue();
	}

	private static BigDecimal decimal(String field, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput(field, "应为数字 a number");
		}
	}

}
