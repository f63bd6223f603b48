/**
 * The day planner's model (Timefold Solver): technicians on shift each with a route of
 * visits (a planning list variable, the vehicle-routing shape), arrival times as shadow
 * variables, and the constraints. Pure: it knows nothing of the database or the web.
 * Named so that the simulator may replay days with it.
 */
@org.springframework.modulith.NamedInterface("planning")
package org.suxiu.dispatch.planning;
