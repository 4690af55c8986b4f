package cn.civicloop.triage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.DomainException.FieldProblem;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.triage.RoutingCatalogue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * {@link RoutingCatalogue} on top of {@link CatalogueAdmin} (routing rules, categories) and {@link HazardCatalogue}
 * (hazard and linkage rules), with the input checks of the admin API and pages.
 */
@Service
class RoutingCatalogueService implements RoutingCatalogue {

    private final CatalogueAdmin admin;
    private final HazardCatalogue hazards;
    private final HazardRuleCheck hazardCheck;
    private final Validator validator;
    private final AuditTrail audit;

    RoutingCatalogueService(CatalogueAdmin admin, HazardCatalogue hazards, HazardRuleCheck hazardCheck,
            Validator validator, AuditTrail audit) {
        this.audit = audit;
        this.admin = admin;
        this.hazards = hazards;
        this.hazardCheck = hazardCheck;
        this.validator = validator;
    }

    @Override
    public List<RoutingRule> rules() {
        return admin.rules().stream().map(RoutingCatalogueService::view).toList();
    }

    @Override
    public Optional<RoutingRule> rule(long id) {
        return admin.rules().stream().filter(r -> r.id() != null && r.id() == id).findFirst()
                .map(RoutingCatalogueService::view);
    }

    @Override
    public RoutingRule save(RoutingRule r, Actor by) {
        valid(r);
        Rule rule = new Rule(r.id(), r.category().strip(), blank(r.channel()), blank(r.areaCode()),
                blank(r.keywords()), blank(r.excludeKeywords()), r.departmentCode().strip(), blank(r.unitCode()),
                r.priority(), r.active(), blank(r.note()));
        return view(admin.save(rule, by));
    }

    @Override
    public void delete(long id, Actor by) {
        admin.delete(id, by);
    }

    @Override
    public List<HazardRule> hazardRules() {
        return hazards.rules();
    }

    @Override
    public Optional<HazardRule> hazardRule(long id) {
        return hazards.rule(id);
    }

    @Override
    @Transactional
    public HazardRule saveHazardRule(HazardRule r, Actor by) {
        HazardRule before = r.id() == null ? null : hazards.rule(r.id()).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.triage.no-such-hazard-rule", "没有该险情规则")));
        valid(r);
        HazardRule rule = new HazardRule(r.id(), r.name().strip(), r.level(), r.patterns().strip(),
                blank(r.excludePatterns()), r.channels(), blank(r.areaCode()), r.departmentCode().strip(),
                blank(r.unitCode()), r.urgency(), r.refer110(), r.diverts(), r.priority(), r.active(), blank(r.note()));
        hazardCheck.check(rule);
        HazardRule after = hazards.rule(hazards.save(rule, by.displayName(), rule.id() == null ? "CREATE" : "UPDATE"))
                .orElseThrow();
        audit.change("CONFIG_CHANGE", "hazard rule " + after.id(), before, after);
        return after;
    }

    @Override
    @Transactional
    public void deleteHazardRule(long id, Actor by) {
        HazardRule before = hazards.rule(id).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.triage.no-such-hazard-rule", "没有该险情规则")));
        hazards.delete(id, by.displayName());
        audit.change("CONFIG_CHANGE", "hazard rule " + id, before, null);
    }

    @Override
    public List<Category> categories() {
        return admin.categories().stream()
                .map(c -> new Category(c.name(), c.parent(), c.autoThreshold(), c.active())).toList();
    }

    @Override
    public void saveCategory(Category c) {
        valid(c);
        admin.saveCategory(new CatalogueAdmin.Category(c.name().strip(), blank(c.parent()), c.autoThreshold(),
                c.active()));
    }

    private <T> void valid(T form) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(form)) {
            problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    Phrase.of("problem.shared.correct-marked-fields", "输入有误，请检查标出的字段"), problems);
        }
    }

    private static RoutingRule view(Rule r) {
        return new RoutingRule(r.id(), r.category(), r.channel(), r.areaCode(), r.keywords(), r.excludeKeywords(),
                r.departmentCode(), r.unitCode(), r.priority(), r.active(), r.note());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
