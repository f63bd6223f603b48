package org.suxiu.inspection.internal;

import java.util.List;

import org.suxiu.inspection.ItemKind;
import org.suxiu.inspection.NewRoute;
import org.suxiu.shared.InvalidInput.FieldError;

/** The rules a route keeps: named, 1–100 checkpoints, each with 1–50 items. */
final class RouteChecks {

	private RouteChecks() {
	}

	static void check(NewRoute route, List<FieldError> errors) {
		text(errors, "name", route.name(), 60);
		List<NewRoute.Point> points = route.checkpoints() == null ? List.of() : route.checkpoints();
		if (points.isEmpty() || points.size() > 100) {
			errors.add(new FieldError("checkpoints", "1 to 100 checkpoints 检查点 1–100 个"));
		}
		for (int p = 0; p < points.size(); p++) {
			NewRoute.Point point = points.get(p);
			String at = "checkpoints[" + p + "]";
			if (point == null) {
				errors.add(new FieldError(at, "is required"));
				continue;
			}
			text(errors, at + ".name", point.name(), 60);
			text(errors, at + ".place", point.place(), 60);
			List<NewRoute.Item> items = point.items() == null ? List.of() : point.items();
			if (items.isEmpty() || items.size() > 50) {
				errors.add(new FieldError(at + ".items", "1 to 50 check items 检查项 1–50 条"));
			}
			for (int i = 0; i < items.size(); i++) {
				NewRoute.Item item = items.get(i);
				String field = at + ".items[" + i + "]";
				if (item == null) {
					errors.add(new FieldError(field, "is required"));
					continue;
				}
				text(errors, field + ".text", item.text(), 200);
				if (item.kind() == null) {
					errors.add(new FieldError(field + ".kind", "PASS_FAIL or READING"));
				}
				else if (item.kind() == ItemKind.READING) {
					if (item.min() == null && item.max() == null) {
						errors.add(new FieldError(field, "a reading needs min or max 读数需要上下限"));
					}
					else if (item.min() != null && item.max() != null && item.min().compareTo(item.max()) > 0) {
						errors.add(new FieldError(field + ".min", "must not be above max"));
					}
				}
				if (item.unit() != null && item.unit().length() > 20) {
					errors.add(new FieldError(field + ".unit", "at most 20 characters"));
				}
			}
		}
	}

	private static void text(List<FieldError> errors, String field, String value, int max) {
		if (value == null || value.isBlank() || value.length() > max
				|| value.chars().anyMatch(Character::isISOControl)) {
			errors.add(new FieldError(field, "1 to " + max + " characters 1–" + max + " 字"));
		}
	}

}
