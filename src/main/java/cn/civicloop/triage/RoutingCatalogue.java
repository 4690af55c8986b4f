package cn.civicloop.triage;

import java.util.List;
import java.util.Optional;

import cn.civicloop.directory.Actor;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The routing catalogue (派单目录) and the category tree, for the admin pages (owner role: ADMIN — the caller
 * checks). Every change is checked (departments, units, channels, areas and categories must exist) and recorded
 * in the catalogue's history; a refusal is a {@link cn.civicloop.shared.DomainException} naming the field.
 */
public interface RoutingCatalogue {

    /** The category that matches every category of appeal. */
    String ANY_CATEGORY = "*";

    List<RoutingRule> rules();

    Optional<RoutingRule> rule(long id);

    /** Creates the rule when its id is null, else replaces the rule with that id. */
    RoutingRule save(RoutingRule rule, Actor by);

    void delete(long id, Actor by);

    List<Category> categories();

    void saveCategory(Category category);

    /**
     * A rule: appeals of {@code category} (or {@code *}), optionally only from {@code channel}, in {@code areaCode},
     * mentioning one of the {@code |}-separated {@code keywords} and none of {@code excludeKeywords}, go to
     * {@code departmentCode} (and its unit {@code unitCode}); the lowest {@code priority} wins.
     */
    record RoutingRule(Long id, @NotBlank @Size(max = 100) String category, @Size(max = 24) String channel,
            @Size(max = 20) String areaCode, @Size(max = 500) String keywords, @Size(max = 500) String excludeKeywords,
            @NotBlank @Size(max = 40) String departmentCode, @Size(max = 40) String unitCode,
            @Min(0) @Max(10000) int priority, boolean active, @Size(max = 200) String note) {
    }

    /** A node of the category tree with its own auto-routing threshold (null: the default). */
    record Category(@NotBlank @Size(max = 100) String name, @Size(max = 100) String parent,
            @DecimalMin("0.0") @DecimalMax("1.0") Double autoThreshold, boolean active) {
    }
}
