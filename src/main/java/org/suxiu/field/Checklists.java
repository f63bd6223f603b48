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

/**
 * The checklist of a job by its repair type, shipped in {@code field/checklists.json}
 * (plans and inspection items may bring their own later).
 */
@Component
public class Checklists {

	private final Map<Category, List<ChecklistItem>> byCategory = new EnumMap<>(Category.class);

	Checklists(JsonMapper json) {
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
	 * The history note of a completion: how many were checked and which were not, in
	 * Chinese as the history keeps it.
	 */
	String note(Category category, List<String> ticked) {
		List<ChecklistItem> items = of(category);
		List<String> missed = items.stream().filter(i -> !ticked.contains(i.id())).map(ChecklistItem::zh).toList();
		String done = "检查项 " + (items.size() - missed.size()) + "/" + items.size() + " 已完成";
		return missed.isEmpty() ? done : done + "；未完成：" + String.join("、", missed);
	}

}
