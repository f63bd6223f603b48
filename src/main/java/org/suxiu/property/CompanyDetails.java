package org.suxiu.property;

import java.time.Instant;

/**
 * A property company as the platform operator lists it: no more than that, nothing of
 * what lies inside it.
 *
 * @param id company id
 * @param code short code
 * @param name name
 * @param suspended whether its staff are shut out
 * @param createdAt when it was created, or {@code null} for companies older than that
 */
public record CompanyDetails(long id, String code, String name, boolean suspended, Instant createdAt) {
}
