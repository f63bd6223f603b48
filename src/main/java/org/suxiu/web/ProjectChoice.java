package org.suxiu.web;

import java.util.List;

import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;

/**
 * The projects a person serves and the one a page shows: the one asked for, else the
 * first.
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
		Project project = projects.stream()
			.filter(p -> p.code().equals(code))
			.findFirst()
			.orElse(projects.isEmpty() ? null : projects.get(0));
		return new ProjectChoice(projects, project);
	}

	String code() {
		return project == null ? null : project.code();
	}

}
