/**
 * The dispatch simulator and the what-if replay: generated or historical requests played
 * against the roster under several dispatch policies (the production recommender, the day
 * planner), reported side by side. Nothing in production depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Simulation",
		allowedDependencies = { "dispatch", "dispatch :: planning", "property", "shared", "workorder" })
package org.suxiu.simulation;
