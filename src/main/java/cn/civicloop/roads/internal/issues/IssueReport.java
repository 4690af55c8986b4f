package cn.civicloop.roads.internal.issues;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a chief reports from the road. The place is a position (snapped to its segment) or a segment code.
 * {@code fixedOnSpot} with a {@code resolution} records 即知即改; otherwise the issue goes to the next-level chief.
 */
public record IssueReport(@NotBlank(message = "{problem.roads.title-required}") @Size(max = 200) String title,
        @Size(max = 4000) String description, Double lat, Double lon, @Size(max = 40) String segmentCode,
        Long patrolId, Boolean fixedOnSpot, @Size(max = 2000) String resolution) {
}
