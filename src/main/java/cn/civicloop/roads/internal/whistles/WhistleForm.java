package cn.civicloop.roads.internal.whistles;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A whistle on a major hazard: what and where, and the departments (codes) that must report. */
public record WhistleForm(@NotBlank(message = "请填写事项 (title is required)") @Size(max = 200) String title,
        @Size(max = 4000) String description, @Size(max = 40) String segmentCode, @Size(max = 20) String areaCode,
        @NotEmpty(message = "请选择报到部门 (name at least one department)") List<String> departments) {
}
