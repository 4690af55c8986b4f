package cn.civicloop.roads.internal.whistles;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A whistle on a major hazard: what and where, and the departments (codes) that must report. */
public record WhistleForm(@NotBlank(message = "{problem.roads.whistle-title-required}") @Size(max = 200) String title,
        @Size(max = 4000) String description, @Size(max = 40) String segmentCode, @Size(max = 20) String areaCode,
        @NotEmpty(message = "{problem.roads.departments-required}") List<String> departments) {
}
