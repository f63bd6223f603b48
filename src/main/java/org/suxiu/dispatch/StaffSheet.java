package org.suxiu.dispatch;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.suxiu.shared.Category;
import org.suxiu.shared.Role;

/**
 * How the staff sheet writes roles, skills and shifts, in Chinese or English: role
 * {@code 维修工} or {@code TECHNICIAN}; skills {@code 给排水:4；电气} (level 1–5, default 3);
 * shifts {@code 周一至周五 08:00-17:00；每天 20:00-08:00 值班}.
 */
final class StaffSheet {

	static final List<String> HEADERS = List.of("用户名", "姓名", "手机", "角色", "初始密码", "项目", "技能", "班次");

	static final Map<String, String> COLUMNS = Map.of("用户名", "username", "姓名", "name", "手机", "phone", "角色", "role",
			"初始密码", "password", "项目", "projects", "技能", "skills", "班次", "shifts");

	private static final Map<String, Role> ROLES = Map.of("客服", Role.AGENT, "调度员", Role.DISPATCHER, "维修主管",
			Role.SUPERVISOR, "维修工", Role.TECHNICIAN, "项目经理", Role.MANAGER, "管理员", Role.ADMIN);

	private static final Map<String, Category> CATEGORIES = Map.of("电梯", Category.ELEVATOR, "给排水", Category.PLUMBING,
			"电气", Category.ELECTRICAL, "燃气", Category.GAS, "消防", Category.FIRE, "门窗", Category.DOOR_WINDOW, "墙面/天花",
			Category.WALL_CEILING, "家电", Category.APPLIANCE, "公共设施", Category.PUBLIC_FACILITY, "其他", Category.OTHER);

	private static final List<String> DAYS = List.of("周一", "周二", "周三", "周四", "周五", "周六", "周日");

	private static final Pattern SHIFT = Pattern.compile(
			"(?:(\\S+?)\\s+)?(\\d{1,2}:\\d{2})\\s*[-–~至]\\s*(\\d{1,2}:\\d{2})(\\s*(?:值班|on-?call))?",
			Pattern.CASE_INSENSITIVE);

	private StaffSheet() {
	}

	static Role role(String value) {
		if (value == null) {
			throw new IllegalArgumentException("role is required 角色必填");
		}
		Role role = ROLES.get(value.strip());
		if (role == null) {
			try {
				role = Role.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				role = null;
			}
		}
		if (role == null || !role.isStaff()) {
			throw new IllegalArgumentException("unknown role 未知角色: " + value + " (客服 调度员 维修主管 维修工 项目经理 管理员)");
		}
		return role;
	}

	static Map<Category, Integer> skills(String value) {
		Map<Category, Integer> skills = new EnumMap<>(Category.class);
		for (String entry : split(value)) {
			String[] parts = entry.split("[:：]");
			Category category = CATEGORIES.get(parts[0].strip());
			if (category == null) {
				try {
					category = Category.valueOf(parts[0].strip().toUpperCase(java.util.Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("unknown skill 未知技能: " + parts[0]);
				}
			}
			int level = 3;
			if (parts.length > 1) {
				try {
					level = Integer.parseInt(parts[1].strip());
				}
				catch (NumberFormatException ex) {
					level = 0;
				}
			}
			if (level < 1 || level > 5) {
				throw new IllegalArgumentException("skill levels are 1 to 5 技能等级 1–5: " + entry);
			}
			skills.put(category, level);
		}
		return skills;
	}

	static List<Shift> shifts(String value) {
		List<Shift> shifts = new ArrayList<>();
		for (String entry : split(value)) {
			Matcher m = SHIFT.matcher(entry.strip());
			if (!m.matches()) {
				throw new IllegalArgumentException("a shift reads 周一至周五 08:00-17:00 班次格式不正确: " + entry);
			}
			try {
				LocalTime from = LocalTime.parse(pad(m.group(2)));
				LocalTime to = LocalTime.parse(pad(m.group(3)));
				boolean onCall = m.group(4) != null;
				for (DayOfWeek day : days(m.group(1))) {
					shifts.add(new Shift(day, from, to, onCall));
				}
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("not a time of day 时间不正确: " + entry);
			}
		}
		return shifts;
	}

	/** Days of a shift: none given or 每天 means every day (a single null day). */
	private static List<DayOfWeek> days(String value) {
		if (value == null || value.equals("每天") || value.equalsIgnoreCase("daily")) {
			return java.util.Collections.singletonList(null);
		}
		String[] range = value.split("至|-|~|–");
		int from = day(range[0]);
		int to = range.length > 1 ? day(range[1]) : from;
		List<DayOfWeek> days = new ArrayList<>();
		for (int d = from; d != to % 7 + 1; d = d % 7 + 1) {
			days.add(DayOfWeek.of(d));
		}
		return days;
	}

	private static int day(String value) {
		int chinese = DAYS.indexOf(value.strip());
		if (chinese >= 0) {
			return chinese + 1;
		}
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().startsWith(value.strip().toUpperCase(java.util.Locale.ROOT))
					&& value.strip().length() >= 3) {
				return day.getValue();
			}
		}
		throw new IllegalArgumentException("unknown day 未知星期: " + value + " (周一…周日, MON…SUN, 每天)");
	}

	private static String pad(String time) {
		return time.length() == 4 ? "0" + time : time;
	}

	static List<String> split(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(value.split("[;；,，、\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
