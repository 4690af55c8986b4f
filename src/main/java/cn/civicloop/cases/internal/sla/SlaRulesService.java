package cn.civicloop.cases.internal.sla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.SlaRules;
import cn.civicloop.cases.Urgency;
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

    SlaRulesService(TimeLimitPolicy limits, EscalationLadder ladder, Validator validator) {
        this.limits = limits;
        this.ladder = ladder;
        this.validator = validator;
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
        limits.save(new TimeLimitPolicy.Rule(scope, rule.urgency().name(), rule.stage(), rule.amount(), rule.unit()));
    }

    @Override
    public List<Rung> ladder() {
        return ladder.all().stream().map(r -> new Rung(r.stage(), r.percent(), r.step())).toList();
    }

    @Override
    public void saveRung(Rung rung) {
        valid(rung);
        ladder.save(new EscalationLadder.Rung(rung.stage(), rung.percent(), rung.step()));
    }

    @Override
    public void removeRung(ClockStage stage, int percent) {
        ladder.remove(stage, percent);
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
