/**
 * Complaints (投诉) as their own records: opened by an owner, on the hotline, or by an
 * unsatisfied follow-up call; linked to an order and its technician; assigned to a
 * supervisor; with their own clocks (respond, resolve in working days) that escalate when
 * broken; closed only with the owner's confirmation or a manager's override. Each step is
 * a line in the order's history and an event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints",
		allowedDependencies = { "aftercare", "property", "shared", "sla", "workorder" })
package org.suxiu.complaint;
