/**
 * The pages of each role (owner, technician, agent, dispatcher, manager), rendered on the
 * server with Thymeleaf and htmx, signed in through a database-backed session. One module
 * rather than pages inside each module: a page composes several modules (the dispatcher's
 * console shows orders, proposals, the technician board and the site plan), and the pages
 * use only the modules' public facades, as any other client would.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web pages",
		allowedDependencies = { "aftercare", "analytics", "asset", "attachment", "charge", "complaint", "dispatch",
				"field", "identity", "incident", "inspection", "live", "maintenance", "property", "shared",
				"simulation", "sla", "triage", "wechat", "workorder" })
package org.suxiu.web;
