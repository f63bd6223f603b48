/**
 * Aftercare (售后): each project's rules for the time after completion — which accepted
 * orders get a follow-up call (回访) and by when, how long the owner has to accept before
 * the system does, how long a repair is under warranty — the agents' call list with its
 * outcomes, and closing the orders nobody needs to call. It answers the work order's
 * {@link org.suxiu.workorder.AftercarePolicy}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Aftercare",
		allowedDependencies = { "charge", "property", "shared", "workorder" })
package org.suxiu.aftercare;
