package cn.civicloop.triage.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.cases.Urgency;
import cn.civicloop.security.Actors;
import cn.civicloop.triage.HazardLevel;
import cn.civicloop.triage.RoutingCatalogue;
import cn.civicloop.triage.RoutingCatalogue.HazardRule;
import cn.civicloop.triage.internal.CatalogueAdmin;
import cn.civicloop.triage.internal.Rule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The routing catalogue (its routing rules and its hazard and linkage rules, one history), the category tree and
 * the classifier model (owner role: ADMIN).
 */
@RestController
@RequestMapping("/api/v1/admin/routing")
@Tag(name = "admin", description = "Routing catalogue, categories and model (ADMIN only)")
class CatalogueAdminController {

    private final CatalogueAdmin admin;
    private final RoutingCatalogue catalogue;

    CatalogueAdminController(CatalogueAdmin admin, RoutingCatalogue catalogue) {
        this.admin = admin;
        this.catalogue = catalogue;
    }

    /** A hazard or linkage rule as sent: what is left out gets its default (active, priority 100, any channel). */
    record HazardRuleForm(String name, HazardLevel level, String patterns, String excludePatterns, List<String> channels,
            String areaCode, String departmentCode, String unitCode, Urgency urgency, Boolean refer110, Boolean diverts,
            Integer priority, Boolean active, String note) {

        HazardRule toRule(Long id) {
            return new HazardRule(id, name, level, patterns, excludePatterns, channels, areaCode, departmentCode,
                    unitCode, urgency, Boolean.TRUE.equals(refer110), Boolean.TRUE.equals(diverts),
                    priority == null ? 100 : priority, active == null || active, note);
        }
    }

    record RuleForm(@NotBlank @Size(max = 100) String category, @Size(max = 24) String channel,
            @Size(max = 20) String areaCode, @Size(max = 500) String keywords, @Size(max = 500) String excludeKeywords,
            @NotBlank @Size(max = 40) String departmentCode, @Size(max = 40) String unitCode,
            @Min(0) @Max(10000) Integer priority, Boolean active, @Size(max = 200) String note) {

        Rule toRule(Long id) {
            return new Rule(id, category.strip(), blank(channel), blank(areaCode), blank(keywords),
                    blank(excludeKeywords), departmentCode.strip(), blank(unitCode), priority == null ? 100 : priority,
                    active == null || active, blank(note));
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    record CategoryForm(@NotBlank @Size(max = 100) String name, @Size(max = 100) String parent,
            @DecimalMin("0.0") @DecimalMax("1.0") Double autoThreshold, Boolean active) {
    }

    @GetMapping("/rules")
    List<Rule> rules() {
        return admin.rules();
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    Rule create(@Valid @RequestBody RuleForm form) {
        return admin.save(form.toRule(null), Actors.current());
    }

    @PutMapping("/rules/{id}")
    Rule update(@PathVariable long id, @Valid @RequestBody RuleForm form) {
        return admin.save(form.toRule(id), Actors.current());
    }

    @DeleteMapping("/rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        admin.delete(id, Actors.current());
    }

    @GetMapping("/hazard-rules")
    List<HazardRule> hazardRules() {
        return catalogue.hazardRules();
    }

    @PostMapping("/hazard-rules")
    @ResponseStatus(HttpStatus.CREATED)
    HazardRule createHazardRule(@RequestBody HazardRuleForm form) {
        return catalogue.saveHazardRule(form.toRule(null), Actors.current());
    }

    @PutMapping("/hazard-rules/{id}")
    HazardRule updateHazardRule(@PathVariable long id, @RequestBody HazardRuleForm form) {
        return catalogue.saveHazardRule(form.toRule(id), Actors.current());
    }

    @DeleteMapping("/hazard-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteHazardRule(@PathVariable long id) {
        catalogue.deleteHazardRule(id, Actors.current());
    }

    @GetMapping("/history")
    List<?> history() {
        return admin.history();
    }

    @GetMapping("/categories")
    List<CatalogueAdmin.Category> categories() {
        return admin.categories();
    }

    @PutMapping("/categories")
    List<CatalogueAdmin.Category> saveCategory(@Valid @RequestBody CategoryForm form) {
        admin.saveCategory(new CatalogueAdmin.Category(form.name().strip(), form.parent(), form.autoThreshold(),
                form.active() == null || form.active()));
        return admin.categories();
    }

    @GetMapping("/model")
    CatalogueAdmin.ModelStatus model() {
        return admin.modelStatus();
    }

    @PostMapping("/model/retrain")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CatalogueAdmin.ModelStatus retrain() {
        admin.requestRetraining();
        return admin.modelStatus();
    }
}
