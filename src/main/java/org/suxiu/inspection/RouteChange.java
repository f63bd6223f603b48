package org.suxiu.inspection;

import java.util.List;

/**
 * An edit of a route, as sent to {@code PUT /api/v1/inspection-routes/{id}}: the whole
 * route as it should be. Checkpoints and items with an {@code id} are kept (their QR
 * labels and history stay), those without are added, those left out are retired: past
 * rounds keep them, new check-ins no longer ask for them.
 *
 * @param name the route's name
 * @param version the version read; another edit in between answers 409
 * @param checkpoints in walking order
 */
public record RouteChange(String name, Integer version, List<NewRoute.Point> checkpoints) {
}
