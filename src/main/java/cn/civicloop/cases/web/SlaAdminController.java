package cn.civicloop.cases.web;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.cases.Urgency;
import cn.civicloop.cases.sla.EscalationLadder;
import cn.civicloop.cases.sla.TimeLimitPolicy;
import cn.civicloop.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Time limits and the escalation ladder as data (owner role: ADMIN). New limits apply to clocks started after
 * the change; running clocks keep the limit they started with, as a resident was already told his date.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "admin", description = "时限与督办规则 (time limits and escalation ladder, ADMIN only)")
class SlaAdminController {

    private static final Set<String> LIMIT_STAGES = Set.of("SIGN", "CONTACT", "HANDLE", "REWORK", "REVIEW", "FOLLOW_UP");

    private final TimeLimitPolicy limits;
    private final EscalationLadder ladder;

    SlaAdminController(TimeLimitPolicy limits, EscalationLadder ladder) {
        this.limits = limits;
        this.ladder = ladder;
    }

    /**
     * A limit row. {@code scope} is {@code *}, an appeal kind (ENQUIRY, HELP, COMPLAINT, REPORT, SUGGESTION) or a
     * category name.
     */
    record LimitRule(@NotBlank @Size(max = 100) String scope, @NotNull Urgency urgency, @NotBlank String stage,
            @NotNull @Min(0) @Max(10000) Integer amount, @NotNull LimitUnit unit) {
    }

    record Rung(@NotNull ClockStage stage, @NotNull @Min(1) @Max(1000) Integer percent, @NotNull EscalationStep step) {
    }

    @GetMapping("/time-limits")
    List<TimeLimitPolicy.Rule> timeLimits() {
        return limits.rules();
    }

    @PutMapping("/time-limits")
    List<TimeLimitPolicy.Rule> saveTimeLimit(@Valid @RequestBody LimitRule rule) {
        if (!LIMIT_STAGES.contains(rule.stage())) {
            throw new InvalidInputException("stage", "阶段必须是 " + LIMIT_STAGES + " 之一");
        }
        if (!rule.scope().equals("*") && rule.scope().matches("[A-Z_]+") && !isKind(rule.scope())) {
            throw new InvalidInputException("scope", "未知的诉求类型 (unknown appeal kind): " + rule.scope());
        }
        limits.save(new TimeLimitPolicy.Rule(rule.scope(), rule.urgency().name(), rule.stage(), rule.amount(),
                rule.unit()));
        return limits.rules();
    }

    @GetMapping("/escalation-ladder")
    List<EscalationLadder.Rung> ladder() {
        return ladder.all();
    }

    @PutMapping("/escalation-ladder")
    List<EscalationLadder.Rung> saveRung(@Valid @RequestBody Rung rung) {
        ladder.save(new EscalationLadder.Rung(rung.stage(), rung.percent(), rung.step()));
        return ladder.all();
    }

    @DeleteMapping("/escalation-ladder/{stage}/{percent}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeRung(@PathVariable ClockStage stage, @PathVariable int percent) {
        ladder.remove(stage, percent);
    }

    private static boolean isKind(String scope) {
        for (AppealKind kind : AppealKind.values()) {
            if (kind.name().equals(scope)) {
                return true;
            }
        }
        return false;
    }
}
