package org.suxiu.property;

import java.util.List;

import org.suxiu.shared.InvalidInput.FieldError;

/**
 * The checks a project's particulars pass, whether set up or changed.
 */
final class ProjectChecks {

	private ProjectChecks() {
	}

	static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
		if (value == null) {
			if (required) {
				errors.add(new FieldError(field, "is required 必填"));
			}
			return;
		}
		if (value.isBlank() && required) {
			errors.add(new FieldError(field, "is required 必填"));
		}
		else if (value.strip().length() > max) {
			errors.add(new FieldError(field, "at most " + max + " characters 最多 " + max + " 个字"));
		}
		else if (Spreadsheets.isFormula(value)) {
			errors.add(new FieldError(field, "must not start with = + - @ 不能以 = + - @ 开头"));
		}
	}

	static void particulars(List<FieldError> errors, String address, String city, Double lat, Double lng,
			String hotline, String signature) {
		text(errors, "address", address, 120, false);
		text(errors, "city", city, 30, false);
		position(errors, lat, lng);
		if (hotline != null && !hotline.isBlank() && !hotline.strip().matches("\\+?[0-9][0-9 -]{2,19}")) {
			errors.add(new FieldError("hotline", "a telephone number, e.g. 400-820-8820 请填写电话号码"));
		}
		if (signature != null && !signature.isBlank()
				&& !signature.strip().replaceAll("^【|】$", "").matches("[\\p{IsHan}A-Za-z0-9]{2,12}")) {
			errors.add(new FieldError("smsSignature", "2–12 characters, e.g. 【示范物业】 短信签名 2–12 个字"));
		}
	}

	static void position(List<FieldError> errors, Double lat, Double lng) {
		if ((lat == null) != (lng == null)) {
			errors.add(new FieldError("lat", "give both latitude and longitude, or neither 经纬度须同时填写"));
		}
		else if (lat != null && (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180))) {
			errors.add(new FieldError("lat", "latitude −90…90, longitude −180…180 纬度或经度超出范围"));
		}
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** 【示范物业】 whether it was given with the brackets or without. */
	static String signature(String value) {
		String bare = blankToNull(value);
		return bare == null ? null : "【" + bare.replaceAll("^【|】$", "") + "】";
	}

}
