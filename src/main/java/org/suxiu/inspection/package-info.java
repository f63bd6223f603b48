/**
 * Inspection rounds (巡检): routes of checkpoints with their check items (pass/fail, or a
 * reading with limits), rounds assigned to a person, check-ins at each checkpoint (a QR
 * label, the phone's position when given) with results; a failed item or a reading out of
 * limits raises an order at once, and rounds not finished in time are flagged to the
 * supervisor. Its face is the {@link org.suxiu.inspection.Inspections} facade, its
 * records and events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspection rounds",
		allowedDependencies = { "asset", "attachment", "property", "shared", "workorder" })
package org.suxiu.inspection;
