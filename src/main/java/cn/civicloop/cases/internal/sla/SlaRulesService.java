package cn.civicloop.cases.internal.sla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.SlaRules;
import cn.civicloop.cases.Urgency;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.DomainException.FieldProblem;
import cn.civicloop.shared.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** {@link SlaRules} on {@link TimeLimitPolicy} and {@link EscalationLadder}, with the checks of the JSON admin API. */
@Service
class SlaRulesService implements SlaRules {

    private final TimeLimitPolicy limits;
    private final EscalationLadder ladder;
    private final Validator validator;
    private final AuditTrail audit;

    SlaRulesService(TimeLimitPolicy limits, EscalationLadder ladder, Validator validator, AuditTrail audit) {
        this.limits = limits;
        this.ladder = ladder;
        this.validator = validator;
        this.audit = audit;
    }

    @Override
    public List<LimitRule> timeLimits() {
        return limits.rules().stream().map(r -> new LimitRule(r.scope(), Urgency.valueOf(r.urgency()), r.stage(),
                r.amount(), r.unit())).toList();
    }

    @Override
    public void saveTimeLimit(LimitRule rule) {
        valid(rule);
        String scope = rule.scope().strip();
        if (!LIMIT_STAGES.contains(rule.stage())) {
            throw new InvalidInputException("stage",
                    Phrase.of("problem.cases.unknown-stage", "阶段必须是 {0} 之一", LIMIT_STAGES));
        }
        boolean kind = Arrays.stream(AppealKind.values()).anyMatch(k -> k.name().equals(scope));
        if (!scope.equals("*") && scope.matches("[A-Z_]+") && !kind) {
            throw new InvalidInputException("scope",
                    Phrase.of("problem.cases.unknown-appeal-kind", "未知的诉求类型：{0}", scope));
        }
        LimitRule before = timeLimits().stream().filter(r -> r.scope().equals(scope) && r.urgency() == rule.urgency()
                && r.stage().equals(rule.stage())).findFirst().orElse(null);
        limits.save(new TimeLimitPolicy.Rule(scope, rule.urgency().name(), rule.stage(), rule.amount(), rule.unit()));
        audit.change("CONFIG_CHANGE", "time limit " + scope + "/" + rule.urgency() + "/" + rule.stage(), before,
                new LimitRule(scope, rule.urgency(), rule.stage(), rule.amount(), rule.unit()));
    }

    @Override
    public List<Rung> ladder() {
        return ladder.all().stream().map(r -> new Rung(r.stage(), r.percent(), r.step())).toList();
    }

    @Override
    public void saveRung(Rung rung) {
        valid(rung);
        Rung before = rung(rung.stage(), rung.percent());
        ladder.save(new EscalationLadder.Rung(rung.stage(), rung.percent(), rung.step()));
        audit.change("CONFIG_CHANGE", "escalation " + rung.stage() + "/" + rung.percent() + "%", before, rung);
    }

    @Override
    public void removeRung(ClockStage stage, int percent) {
        Rung before = rung(stage, percent);
        ladder.remove(stage, percent);
        if (before != null) {
            audit.change("CONFIG_CHANGE", "escalation " + stage + "/" + percent + "%", before, null);
        }
    }

    private Rung rung(ClockStage stage, int percent) {
        return ladder().stream().filter(r -> r.stage() == stage && r.percent() == percent).findFirst().orElse(null);
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
}
