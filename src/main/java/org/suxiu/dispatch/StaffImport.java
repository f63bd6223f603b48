package org.suxiu.dispatch;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.ImportRejected;
import org.suxiu.property.ImportRejected.RowError;
import org.suxiu.property.PropertyAdministration;
import org.suxiu.property.PropertyAdministration.NewStaff;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.Spreadsheets;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.Role;

/**
 * A company's staff in one file, technicians with their skills and shifts: every row is
 * checked first and any bad row refuses the whole file, naming each. Here rather than in
 * the property module because skills and shifts are dispatch's.
 */
@Service
public class StaffImport {

	private final PropertyAdministration administration;

	private final PropertyDirectory directory;

	private final TechnicianDirectory technicians;

	StaffImport(PropertyAdministration administration, PropertyDirectory directory, TechnicianDirectory technicians) {
		this.administration = administration;
		this.directory = directory;
		this.technicians = technicians;
	}

	/**
	 * What an import added.
	 *
	 * @param staff accounts created
	 * @param technicians of which technicians, with skills and shifts
	 * @param errors refused rows: none, since a bad row imports nothing
	 */
	public record Result(int staff, int technicians, List<RowError> errors) {
	}

	private record Person(NewStaff staff, Map<Category, Integer> skills, List<Shift> shifts) {
	}

	/** The Excel template: the columns, examples of each role and notes. */
	public byte[] template() {
		return Spreadsheets.template("员工 Staff", StaffSheet.HEADERS,
				List.of(List.of("wang.agent", "王客服", "13900001001", "客服", "change-me-123", "", "", ""),
						List.of("li.dispatch", "李调度", "13900001002", "调度员", "change-me-123", "", "", ""),
						List.of("zhao.tech", "赵师傅", "13900001003", "维修工", "change-me-123", "", "给排水:4；电气:3",
								"周一至周五 08:00-17:00；每天 20:00-08:00 值班")),
				List.of("每行一名员工：用户名（3–40 位字母、数字或 ._-）、姓名、角色、初始密码（至少 8 位）必填。",
						"One person per row: username, name, role and initial password (8+ characters) are required.",
						"角色 Role: 客服 调度员 维修主管 维修工 项目经理 管理员 (or AGENT DISPATCHER SUPERVISOR TECHNICIAN MANAGER ADMIN).",
						"项目 Projects: 项目编码，用 ； 分隔；空表示服务本公司全部项目。 Project codes; empty = all projects.",
						"技能 Skills (维修工): 电梯 给排水 电气 燃气 消防 门窗 墙面/天花 家电 公共设施 其他，可加等级 1–5，如 给排水:4。",
						"班次 Shifts (维修工): 周一至周五 08:00-17:00；周六 09:00-12:00；每天 20:00-08:00 值班 (on call).",
						"任何一行有错则整个文件不导入，错误按行号列出。 Any bad row refuses the whole file, each named by row."));
	}

	@Transactional
	public Result importFile(Actor admin, String filename, InputStream content) {
		if (!admin.is(Role.ADMIN) || admin.tenantId() == null) {
			throw new Forbidden("Only a company's administrators import staff");
		}
		Spreadsheets.Table table = Spreadsheets.read(filename, content, StaffSheet.COLUMNS,
				List.of("username", "name", "role", "password"));
		Map<String, Long> projects = new HashMap<>();
		directory.projectsOf(admin.tenantId()).forEach(p -> projects.put(p.code(), p.id()));
		List<RowError> errors = new ArrayList<>(table.problems());
		Set<Integer> refused = new HashSet<>();
		errors.forEach(e -> refused.add(e.row()));
		Set<String> usernames = new HashSet<>();
		List<Person> people = new ArrayList<>();
		for (Spreadsheets.Row row : table.rows()) {
			if (refused.contains(row.number())) {
				continue;
			}
			try {
				Person person = person(row, projects);
				if (!usernames.add(person.staff().username())) {
					throw new IllegalArgumentException("the username appears twice in the file 用户名重复");
				}
				people.add(person);
			}
			catch (IllegalArgumentException ex) {
				errors.add(new RowError(row.number(), ex.getMessage()));
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(java.util.Comparator.comparingInt(RowError::row));
			throw new ImportRejected(errors);
		}
		if (people.isEmpty()) {
			throw new InvalidInput("file", "no rows 文件中没有数据行");
		}
		int technicianCount = 0;
		for (Person person : people) {
			long id = administration.addStaff(admin, person.staff()).id();
			if (person.staff().role() == Role.TECHNICIAN) {
				technicians.setSkills(id, admin.tenantId(), person.skills());
				technicians.setShifts(id, admin.tenantId(), person.shifts());
				technicianCount++;
			}
		}
		return new Result(people.size(), technicianCount, List.of());
	}

	private Person person(Spreadsheets.Row row, Map<String, Long> projects) {
		if (row.values().values().stream().anyMatch(Spreadsheets::isFormula)) {
			throw new IllegalArgumentException("text starting with = + - @ is not accepted (formula) 不接受公式");
		}
		String username = row.get("username");
		if (username == null || !username.matches("[A-Za-z][A-Za-z0-9._-]{2,39}")) {
			throw new IllegalArgumentException(
					"username: 3–40 letters, digits, '.', '_' or '-', starting with a letter 用户名须以字母开头，3–40 位");
		}
		if (directory.usernameTaken(username)) {
			throw new IllegalArgumentException("username is taken 用户名已被使用: " + username);
		}
		String name = row.get("name");
		if (name == null || name.length() > 60) {
			throw new IllegalArgumentException("name is required 姓名必填");
		}
		String phone = row.get("phone");
		if (phone != null && !PhoneNumber.isValid(phone)) {
			throw new IllegalArgumentException("not a mobile number 手机号格式不正确: " + phone);
		}
		String password = row.get("password");
		if (password == null || password.length() < 8) {
			throw new IllegalArgumentException("the initial password needs at least 8 characters 初始密码至少 8 位");
		}
		Role role = StaffSheet.role(row.get("role"));
		Set<Long> serves = new HashSet<>();
		for (String code : StaffSheet.split(row.get("projects"))) {
			Long id = projects.get(code);
			if (id == null) {
				throw new IllegalArgumentException("not a project of yours 不是本公司的项目: " + code);
			}
			serves.add(id);
		}
		Map<Category, Integer> skills = StaffSheet.skills(row.get("skills"));
		List<Shift> shifts = StaffSheet.shifts(row.get("shifts"));
		if (role != Role.TECHNICIAN && (!skills.isEmpty() || !shifts.isEmpty())) {
			throw new IllegalArgumentException("skills and shifts are for technicians only 技能和班次只适用于维修工");
		}
		return new Person(new NewStaff(username, name, phone, role, password, serves), skills, shifts);
	}

}
