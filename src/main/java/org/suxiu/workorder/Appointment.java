package org.suxiu.workorder;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;

/**
 * The window agreed with the owner for a planned (L4) visit.
 *
 * @param from earliest arrival
 * @param to latest arrival
 */
public record Appointment(@NotNull OffsetDateTime from, @NotNull OffsetDateTime to) {
}
