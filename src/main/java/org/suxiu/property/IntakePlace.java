package org.suxiu.property;

import java.util.Optional;

/**
 * What intake needs to know about a reported place, looked up together: the project,
 * whether it takes new orders, the home or common area, and the owner whose number
 * reported it.
 *
 * @param project the project of the code, if there is one
 * @param acceptsOrders whether the project takes new orders (not archived)
 * @param site the home or common area, if it exists in that project
 * @param ownerId the owner registered under the reporter's number, if any
 */
public record IntakePlace(Optional<Project> project, boolean acceptsOrders, Optional<Site> site,
		Optional<Long> ownerId) {

}
