/**
 * One incident, many reports (R11): orders about one cause (a building's water or power
 * off, a lift down) linked to one lead order that one technician works; the linked
 * reporters follow the lead and hear its progress and its closing; SuXiu proposes links
 * for open orders of one building and category in a short window; a notice to a whole
 * building (停水通知). Its face is the {@link org.suxiu.incident.Incidents} facade, its
 * records and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incidents",
		allowedDependencies = { "property", "shared", "workorder" })
package org.suxiu.incident;
