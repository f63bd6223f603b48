/**
 * Preventive maintenance (维保计划): plans per asset, every N days, weeks or months on the
 * project's calendar or by meter reading, each with a checklist; the generator raises
 * their planned orders a lead time ahead, exactly once across instances (a unique key on
 * plan and due day), escalates overdue work and reports compliance per equipment type.
 * Its face is the {@link org.suxiu.maintenance.MaintenancePlans} facade, the
 * {@link org.suxiu.maintenance.Checklists} read face, records and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Maintenance plans",
		allowedDependencies = { "asset", "property", "shared", "sla", "workorder" })
package org.suxiu.maintenance;
