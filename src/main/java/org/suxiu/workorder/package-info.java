/**
 * The work order (报修单): intake from every channel, the state machine from NEW to CLOSED
 * with its append-only history, and the public API. Other modules react to its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work orders")
package org.suxiu.workorder;
