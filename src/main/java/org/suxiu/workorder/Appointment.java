package org.suxiu.workorder;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;

import org.suxiu.shared.PlausibleTime;

/**
 * The window agreed with the owner for a planned (L4) visit.
 *
 * @param from earliest arrival
 * @param to latest arrival
 */
public record Appointment(@NotNull @PlausibleTime OffsetDateTime from, @NotNull @PlausibleTime OffsetDateTime to) {
}
