package org.suxiu.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.triage.model.ShippedExemplars;

/**
 * The exemplars a tenant's grades are drawn from, to review, remove, export and import:
 * the shipped ones (which a tenant can hide, not change) and the tenant's own.
 */
@Service
public class ExemplarLibrary {

	/** Lines one import may carry. */
	static final int MAX_IMPORT = 5000;

	private final TenantExemplars own;

	private final JsonMapper json;

	private final List<Exemplar> shipped;

	ExemplarLibrary(TenantExemplars own, JsonMapper json, Triage triage) {
		this.own = own;
		this.json = json;
		this.shipped = triage.modelOn() ? ShippedExemplars.lines(json)
			.stream()
			.map(l -> new Exemplar(l.key(), l.text(), l.grade(), l.category(), Exemplar.Source.SHIPPED, null, null,
					null))
			.toList() : List.of();
	}

	/**
	 * The tenant's own exemplars first (newest first), then the shipped ones not hidden.
	 */
	@Transactional(readOnly = true)
	public List<Exemplar> list(long tenantId, Grade grade, Exemplar.Source source) {
		List<Exemplar> all = new ArrayList<>();
		if (source != Exemplar.Source.SHIPPED) {
			all.addAll(own.list(tenantId, grade, source));
		}
		if (source == null || source == Exemplar.Source.SHIPPED) {
			Set<String> hidden = own.hidden(tenantId);
			shipped.stream()
				.filter(e -> grade == null || e.grade() == grade)
				.filter(e -> !hidden.contains(e.id()))
				.forEach(all::add);
		}
		return all;
	}

	/**
	 * Removes one of the tenant's own exemplars, or hides a shipped one for the tenant.
	 */
	@Transactional
	public void remove(long tenantId, String id, String by) {
		if (id.matches("S\\d{4}")) {
			if (shipped.stream().noneMatch(e -> e.id().equals(id))) {
				throw new NotFound("Exemplar", id);
			}
			own.hide(tenantId, id, by);
			return;
		}
		if (!id.matches("\\d{1,18}") || !own.delete(tenantId, Long.parseLong(id))) {
			throw new NotFound("Exemplar", id);
		}
	}

	/** The tenant's own exemplars as JSON lines, oldest first. */
	@Transactional(readOnly = true)
	public String export(long tenantId) {
		StringBuilder out = new StringBuilder();
		own.list(tenantId, null, null)
			.stream()
			.sorted(Comparator.comparingLong(e -> Long.parseLong(e.id())))
			.forEach(e -> out.append(json.writeValueAsString(new Line(e.text(), e.grade(), e.category(), e.note())))
				.append('\n'));
		return out.toString();
	}

	/**
	 * Imports JSON lines ({@code {"text","grade","category"?,"note"?}}): all of them, or
	 * none and every bad line named.
	 * @return how many were imported
	 */
	@Transactional
	public int importLines(long tenantId, String body, String by) {
		if (!own.modelAvailable()) {
			throw new InvalidInput("body", "the sentence model is switched off (suxiu.triage.model=off)");
		}
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		String[] raw = (body == null ? "" : body).split("\r?\n");
		if (raw.length > MAX_IMPORT) {
			throw new InvalidInput("body", "at most " + MAX_IMPORT + " lines per import");
		}
		for (int i = 0; i < raw.length; i++) {
			if (raw[i].isBlank()) {
				continue;
			}
			String field = "line " + (i + 1);
			try {
				Map<?, ?> row = json.readValue(raw[i], Map.class);
				Object text = row.get("text");
				Object grade = row.get("grade");
				Object category = row.get("category");
				Object note = row.get("note");
				if (!(text instanceof String t) || t.isBlank() || t.length() > Triage.MAX_DESCRIPTION) {
					errors.add(new InvalidInput.FieldError(field,
							"text must be 1 to " + Triage.MAX_DESCRIPTION + " characters"));
				}
				else if (!(grade instanceof String g) || !g.matches("L[1-4]")) {
					errors.add(new InvalidInput.FieldError(field, "grade must be L1, L2, L3 or L4"));
				}
				else if (category != null && !(category instanceof String c && isCategory(c))) {
					errors.add(new InvalidInput.FieldError(field, "unknown category"));
				}
				else {
					lines.add(new Line(t, Grade.valueOf(g),
							category == null ? Category.OTHER : Category.valueOf((String) category),
							note instanceof String n ? n : null));
				}
			}
			catch (JacksonException | ClassCastException ex) {
				errors.add(new InvalidInput.FieldError(field, "not a JSON object"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors.subList(0, Math.min(errors.size(), 100)));
		}
		if (lines.isEmpty()) {
			throw new InvalidInput("body", "no exemplars in the file");
		}
		for (Line line : lines) {
			own.add(tenantId, line.text(), line.grade(), line.category(), Exemplar.Source.IMPORT, line.note(), by);
		}
		return lines.size();
	}

	private static boolean isCategory(String value) {
		for (Category c : Category.values()) {
			if (c.name().equals(value)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * One exemplar in the export format.
	 *
	 * @param text the description
	 * @param grade its grade
	 * @param category its category
	 * @param note why (the regrade's reason)
	 */
	record Line(String text, Grade grade, Category category, String note) {
	}

}
