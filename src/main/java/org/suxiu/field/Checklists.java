package org.suxiu.field;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.suxiu.shared.Category;
import org.suxiu.workorder.WorkOrderView;

/**
 * The checklist of a job: the maintenance plan's own when the plan raised the order, else
 * the one of its repair type shipped in {@code field/checklists.json}.
 */
@Component
public class Checklists {

	private final Map<Category, List<ChecklistItem>> byCategory = new EnumMap<>(Category.class);

	private final org.suxiu.maintenance.Checklists plans;

	Checklists(JsonMapper json, org.suxiu.maintenance.Checklists plans) {
		this.plans = plans;
		try (InputStream in = new ClassPathResource("field/checklists.json").getInputStream()) {
			Map<Category, List<ChecklistItem>> read = json.readValue(in,
					new TypeReference<Map<Category, List<ChecklistItem>>>() {
					});
			byCategory.putAll(read);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The items to check for a repair type, in order; empty when none are shipped. */
	public List<ChecklistItem> of(Category category) {
		return byCategory.getOrDefault(category, List.of());
	}

	/**
	 * The items to check for the order: its plan's lines (ids {@code plan-1},
	 * {@code plan-2} …, in the plan's words) when a maintenance plan raised it, else its
	 * repair type's.
	 */
	public List<ChecklistItem> of(WorkOrderView order) {
		return plans.forOrder(order.number())
			.map(plan -> java.util.stream.IntStream.range(0, plan.items().size())
				.mapToObj(i -> new ChecklistItem("plan-" + (i + 1), plan.items().get(i), plan.items().get(i)))
				.toList())
			.orElseGet(() -> of(order.category()));
	}

	/**
	 * The history note of a completion: how many were checked and which were not, in
	 * Chinese as the history keeps it.
	 */
	String note(WorkOrderView order, List<String> ticked) {
		List<ChecklistItem> items = of(order);
		List<String> missed = items.stream().filter(i -> !ticked.contains(i.id())).map(ChecklistItem::zh).toList();
		String done = "检查项 " + (items.size() - missed.size()) + "/" + items.size() + " 已完成";
		return missed.isEmpty() ? done : done + "；未完成：" + String.join("、", missed);
	}

}
