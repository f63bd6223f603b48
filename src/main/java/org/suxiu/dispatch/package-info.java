/**
 * Dispatch (派工): technicians' skills, shifts, status and positions, the jobs each has in
 * hand, and recommendations that rank who can be on site first without breaking other
 * promises.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch",
		allowedDependencies = { "live", "property", "shared", "sla", "workorder" })
package org.suxiu.dispatch;
