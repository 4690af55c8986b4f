package cn.civicloop.triage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.civicloop.cases.Urgency;
import cn.civicloop.directory.Actor;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The routing catalogue (派单目录) and the category tree, for the admin pages (owner role: ADMIN — the caller
 * checks). The catalogue has two parts: hazard and linkage rules (险情·联动规则), which decide by what an appeal
 * says before any classifier, and routing rules, which place the classifier's category. Every change is checked
 * (departments, units, channels, areas and categories must exist, patterns must compile) and recorded in the
 * catalogue's one history; a refusal is a {@link cn.civicloop.shared.DomainException} naming the field.
 */
public interface RoutingCatalogue {

    /** The category that matches every category of appeal. */
    String ANY_CATEGORY = "*";

    List<RoutingRule> rules();

    Optional<RoutingRule> rule(long id);

    /** Creates the rule when its id is null, else replaces the rule with that id. */
    RoutingRule save(RoutingRule rule, Actor by);

    void delete(long id, Actor by);

    /** The hazard and linkage rules in the order they decide (level, priority, age). */
    List<HazardRule> hazardRules();

    Optional<HazardRule> hazardRule(long id);

    /** Creates the hazard rule when its id is null, else replaces the rule with that id. */
    HazardRule saveHazardRule(HazardRule rule, Actor by);

    void deleteHazardRule(long id, Actor by);

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

    /**
     * A hazard or linkage rule (险情·联动规则): an appeal whose text matches {@code patterns} (a Java regular
     * expression; a plain Chinese phrase is one, {@code |} separates alternatives) where the match is not negated in
     * its clause ("没有人受伤"), and matches none of {@code excludePatterns} (likewise not negated), optionally only
     * from {@code channels} and in {@code areaCode}, goes to {@code departmentCode} (and its unit) with at least
     * {@code urgency}, whatever the classifier says; {@code refer110} asks for 110 at once; {@code diverts} counts
     * a 110 call handed over as a linkage diversion (its target must be a linked agency).
     */
    record HazardRule(Long id, @NotBlank @Size(max = 60) String name, @NotNull HazardLevel level,
            @NotBlank @Size(max = 1000) String patterns, @Size(max = 1000) String excludePatterns,
            List<String> channels, @Size(max = 20) String areaCode, @NotBlank @Size(max = 40) String departmentCode,
            @Size(max = 40) String unitCode, @NotNull Urgency urgency, boolean refer110, boolean diverts,
            @Min(0) @Max(10000) int priority, boolean active, @Size(max = 200) String note) {

        public HazardRule {
            channels = channels == null ? List.of() : channels.stream().filter(Objects::nonNull).map(String::strip)
                    .filter(c -> !c.isEmpty()).distinct().toList();
        }
    }
}
