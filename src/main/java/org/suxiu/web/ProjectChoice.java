package org.suxiu.web;

import java.util.List;

import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.NotFound;

/**
 * The projects a person serves and the one a page shows: the one asked for, else the
 * first. A project asked for that one does not serve (another company's, one no longer
 * one's own, a mistyped code in a link) is not found, rather than silently replaced by
 * another project's figures.
 *
 * @param projects all the person serves
 * @param project the one shown, or {@code null} when they serve none
 */
record ProjectChoice(List<Project> projects, Project project) {

	static ProjectChoice of(PropertyDirectory property, Actor me, String code) {
		List<Project> projects = property.projectsOf(me.tenantId())
			.stream()
			.filter(p -> me.serves(p.tenantId(), p.id()))
			.toList();
		if (code != null && !code.isBlank()) {
			String asked = code.strip();
			return new ProjectChoice(projects,
					projects.stream()
						.filter(p -> p.code().equals(asked))
						.findFirst()
						.orElseThrow(() -> new NotFound("Project", asked)));
		}
		Project project = projects.isEmpty() ? null : projects.get(0);
		return new ProjectChoice(projects, project);
	}

	String code() {
		return project == null ? null : project.code();
	}

}
