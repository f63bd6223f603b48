package org.suxiu.identity;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyAdministration;
import org.suxiu.property.PropertyAdministration.NewStaff;
import org.suxiu.property.PropertyAdministration.StaffChange;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;

/**
 * Staff administration over the API (ADMIN, own company), through the same
 * {@link PropertyAdministration} as the admin pages. A change of active, role, projects
 * or password ends the person's tokens and page sessions; {@code "unlock": true} lifts a
 * sign-in lock.
 */
@RestController
@RequestMapping("/api/v1/admin/staff")
@Tag(name = "Staff 员工管理")
class StaffController {

	private final PropertyAdministration administration;

	private final PropertyDirectory directory;

	private final PasswordSignIn passwords;

	StaffController(PropertyAdministration administration, PropertyDirectory directory, PasswordSignIn passwords) {
		this.administration = administration;
		this.directory = directory;
		this.passwords = passwords;
	}

	@GetMapping
	@Operation(summary = "The company's staff 员工列表 (ADMIN)")
	Items list(Actor admin) {
		List<StaffMember> staff = administration.staff(admin);
		Map<Long, String> codes = codes(admin);
		return new Items(staff.stream().map(s -> view(s, codes)).toList());
	}

	@PostMapping
	@Operation(summary = "Add a staff member 新增员工 (ADMIN)",
			description = "username: 3–40 letters, digits, '.', '_' or '-', starting with a letter (mobile numbers "
					+ "are owners' sign-in names); password at least 8 characters; projects empty = all.")
	ResponseEntity<StaffView> add(Actor admin, @Valid @RequestBody NewStaffRequest request) {
		StaffMember added = administration.addStaff(admin, new NewStaff(request.username(), request.name(),
				request.phone(), request.role(), request.password(), projectIds(admin, request.projects())));
		return ResponseEntity.created(URI.create("/api/v1/admin/staff/" + added.id())).body(view(added, codes(admin)));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a staff member 修改员工 (ADMIN)",
			description = "Any of active, role, projects, password; the person's tokens and page sessions end on "
					+ "their next request. \"unlock\": true lifts a lock after too many wrong passwords.")
	StaffView change(Actor admin, @PathVariable long id, @Valid @RequestBody StaffPatch patch) {
		StaffMember changed = administration.change(admin, id, new StaffChange(patch.active(), patch.role(),
				patch.projects() == null ? null : projectIds(admin, patch.projects()), patch.password()));
		if (Boolean.TRUE.equals(patch.unlock())) {
			passwords.unlock(changed.username());
		}
		return view(changed, codes(admin));
	}

	private Set<Long> projectIds(Actor admin, List<String> codes) {
		if (codes == null) {
			return Set.of();
		}
		administration.staff(admin); // ADMIN only, before anything is looked up
		Map<String, Long> own = directory.projectsOf(admin.tenantId())
			.stream()
			.collect(Collectors.toMap(Project::code, Project::id));
		for (String code : codes) {
			if (!own.containsKey(code)) {
				throw new InvalidInput("projects", "not a project of yours: " + code + " 不是本公司的项目");
			}
		}
		return codes.stream().map(own::get).collect(Collectors.toSet());
	}

	private Map<Long, String> codes(Actor admin) {
		return directory.projectsOf(admin.tenantId())
			.stream()
			.collect(Collectors.toMap(Project::id, Project::code, (a, b) -> a));
	}

	private StaffView view(StaffMember staff, Map<Long, String> codes) {
		return new StaffView(staff.id(), staff.username(), staff.name(), staff.role(), staff.active(),
				staff.projectIds().stream().map(codes::get).sorted().toList(),
				!passwords.lockedFor(staff.username()).isZero());
	}

	/**
	 * A staff member as the API shows them.
	 *
	 * @param projects codes of the projects they serve; empty means all
	 * @param locked whether sign-in is locked or delayed after wrong passwords
	 */
	record StaffView(long id, String username, String name, Role role, boolean active, List<String> projects,
			boolean locked) {
	}

	record Items(List<StaffView> items) {
	}

	record NewStaffRequest(@Size(max = 40) String username, @Size(max = 60) String name, @Size(max = 20) String phone,
			Role role, @Size(max = 128) String password, @Size(max = 100) List<String> projects) {
	}

	/**
	 * What to change; absent members stay as they are.
	 */
	record StaffPatch(Boolean active, Role role, @Size(max = 100) List<String> projects,
			@Size(max = 128) String password, Boolean unlock) {
	}

}
