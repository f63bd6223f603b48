package org.suxiu.inspection;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo taken at a check-in, served at
 * {@code /api/v1/inspection-rounds/{round}/photos/{id}} (and {@code /thumbnail}).
 *
 * @param id its id
 * @param checkpointId where it was taken
 * @param mediaType image/jpeg or image/png
 * @param width pixels across
 * @param height pixels down
 * @param createdAt when
 */
public record PhotoView(UUID id, long checkpointId, String mediaType, int width, int height, Instant createdAt) {
}
