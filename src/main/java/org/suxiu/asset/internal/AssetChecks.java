package org.suxiu.asset.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.suxiu.asset.AssetStatus;
import org.suxiu.asset.NewAsset;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.Site;
import org.suxiu.shared.InvalidInput.FieldError;

/**
 * The rules an asset's particulars keep, the same for the API and every CSV row: a name,
 * a known common area of the project, text without control characters or a leading
 * formula sign, an install date not in the future.
 */
final class AssetChecks {

	static final int NAME_MAX = 60;

	static final int TEXT_MAX = 100;

	private AssetChecks() {
	}

	/** The entry to store, or empty with the reasons added to {@code errors}. */
	static Optional<AssetStore.Entry> entry(Project project, NewAsset a, PropertyDirectory directory, LocalDate today,
			List<FieldError> errors) {
		int before = errors.size();
		text(errors, "name", a.name(), NAME_MAX, true);
		text(errors, "place", a.place(), NAME_MAX, true);
		if (a.type() == null) {
			errors.add(new FieldError("type", "is required 请选择设备类型"));
		}
		text(errors, "maker", a.maker(), TEXT_MAX, false);
		text(errors, "model", a.model(), TEXT_MAX, false);
		text(errors, "serial", a.serial(), TEXT_MAX, false);
		text(errors, "registrationCode", a.registrationCode(), TEXT_MAX, false);
		text(errors, "contractor", a.contractor(), TEXT_MAX, false);
		if (a.installedOn() != null && a.installedOn().isAfter(today)) {
			errors.add(new FieldError("installedOn", "must not be in the future 安装日期不能晚于今天"));
		}
		Site site = null;
		if (a.place() != null && !a.place().isBlank()) {
			site = directory.commonArea(project.code(), a.place().strip()).orElse(null);
			if (site == null) {
				errors.add(new FieldError("place", "unknown common area in this project 本项目没有该公共区域: " + a.place()));
			}
		}
		if (errors.size() > before) {
			return Optional.empty();
		}
		return Optional
			.of(new AssetStore.Entry(project.tenantId(), project.id(), project.code(), site.area(), site.building(),
					a.type(), a.name().strip(), blankToNull(a.maker()), blankToNull(a.model()), blankToNull(a.serial()),
					a.installedOn(), blankToNull(a.registrationCode()), blankToNull(a.contractor()), a.contractEnds(),
					a.status() == null ? AssetStatus.IN_SERVICE : a.status()));
	}

	private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new FieldError(field, "is required 必填"));
			}
			return;
		}
		if (value.length() > max) {
			errors.add(new FieldError(field, "at most " + max + " characters 最多 " + max + " 字"));
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			errors.add(new FieldError(field, "must not contain control characters"));
		}
		// text a spreadsheet would run as a formula when the register is exported again
		if ("=+-@".indexOf(value.strip().charAt(0)) >= 0) {
			errors.add(new FieldError(field, "must not start with = + - @ 不能以公式符号开头"));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
