/**
 * The day planner's service: when a project's day is planned (on a schedule or on
 * request), the problem read from the board, plans stored, shown and applied as
 * dispatches, and the plan API. The solver's model is {@code dispatch.planning}; nothing
 * here is part of the module's public face.
 */
package org.suxiu.dispatch.dayplan;
