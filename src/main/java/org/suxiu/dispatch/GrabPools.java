package org.suxiu.dispatch;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;

/**
 * Reading and changing a project's grab-pool settings, for the API and the settings page:
 * dispatch staff and managers read them; supervisors, managers and administrators change
 * them.
 */
@Service
public class GrabPools {

	private static final List<Role> READERS = List.of(Role.DISPATCHER, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);

	private static final List<Role> EDITORS = List.of(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);

	private final GrabPool pool;

	private final PropertyDirectory property;

	GrabPools(GrabPool pool, PropertyDirectory property) {
		this.pool = pool;
		this.property = property;
	}

	/**
	 * A change of the settings.
	 *
	 * @param enabled open or closed
	 * @param grades grades offered; null or empty for L3 and L4
	 * @param categories repair types offered; null or empty for all
	 * @param offerMinutes minutes an order stays in the pool after its report; null for
	 * no limit
	 * @param version the version read, or null to overwrite
	 */
	public record Change(boolean enabled, Set<Grade> grades, Set<Category> categories, Integer offerMinutes,
			Integer version) {
	}

	public GrabPoolSettings settings(Actor actor, String code) {
		if (!READERS.contains(actor.role())) {
			throw new Forbidden("Grab pool settings are for dispatch staff and managers");
		}
		return pool.settings(project(actor, code).id());
	}

	/** Whether this person may change the settings. */
	public boolean mayChange(Actor actor) {
		return EDITORS.contains(actor.role());
	}

	@Transactional
	public GrabPoolSettings update(Actor actor, String code, Change change) {
		if (!mayChange(actor)) {
			throw new Forbidden("Supervisors, managers and administrators open or close the grab pool");
		}
		Project project = project(actor, code);
		Set<Grade> grades = change.grades() == null || change.grades().isEmpty() ? GrabPoolSettings.GRABBABLE
				: EnumSet.copyOf(change.grades());
		if (!GrabPoolSettings.GRABBABLE.containsAll(grades)) {
			throw new InvalidInput("grades",
					"only L3 and L4 may be grabbed; emergencies and urgent orders are dispatched");
		}
		Integer minutes = change.offerMinutes();
		if (minutes != null && (minutes < 1 || minutes > GrabPoolSettings.MAX_OFFER_MINUTES)) {
			throw new InvalidInput("offerMinutes", "must be between 1 minute and 7 days");
		}
		Set<Category> categories = change.categories() == null || change.categories().isEmpty() ? Set.of()
				: EnumSet.copyOf(change.categories());
		return pool.update(project.tenantId(), project.id(),
				new GrabPoolSettings(change.enabled(), grades, categories, minutes, 0), change.version(), actor);
	}

	private Project project(Actor actor, String code) {
		return property.project(code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
	}

}
