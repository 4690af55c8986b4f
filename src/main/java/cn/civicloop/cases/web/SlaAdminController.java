package cn.civicloop.cases.web;

import java.util.List;

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
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.cases.SlaRules;
import cn.civicloop.cases.Urgency;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Time limits and the escalation ladder as data over JSON (owner role: ADMIN). New limits apply to clocks started after
 * the change; running clocks keep the limit they started with, as a resident was already told his date.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "admin", description = "Time limits and escalation ladder (ADMIN only)")
class SlaAdminController {

    private final SlaRules rules;

    SlaAdminController(SlaRules rules) {
        this.rules = rules;
    }

    /**
     * A limit row. {@code scope} is {@code *}, an appeal kind (ENQUIRY, HELP, COMPLAINT, REPORT, SUGGESTION) or a
     * category name. The checks beyond the JSON shape are {@link SlaRules}', shared with the admin pages.
     */
    record LimitRule(@NotBlank @Size(max = 100) String scope, @NotNull Urgency urgency, @NotBlank String stage,
            @NotNull @Min(0) @Max(10000) Integer amount, @NotNull LimitUnit unit) {
    }

    record Rung(@NotNull ClockStage stage, @NotNull @Min(1) @Max(1000) Integer percent, @NotNull EscalationStep step) {
    }

    @GetMapping("/time-limits")
    List<SlaRules.LimitRule> timeLimits() {
        return rules.timeLimits();
    }

    @PutMapping("/time-limits")
    List<SlaRules.LimitRule> saveTimeLimit(@Valid @RequestBody LimitRule rule) {
        rules.saveTimeLimit(new SlaRules.LimitRule(rule.scope(), rule.urgency(), rule.stage(), rule.amount(),
                rule.unit()));
        return rules.timeLimits();
    }

    @GetMapping("/escalation-ladder")
    List<SlaRules.Rung> ladder() {
        return rules.ladder();
    }

    @PutMapping("/escalation-ladder")
    List<SlaRules.Rung> saveRung(@Valid @RequestBody Rung rung) {
        rules.saveRung(new SlaRules.Rung(rung.stage(), rung.percent(), rung.step()));
        return rules.ladder();
    }

    @DeleteMapping("/escalation-ladder/{stage}/{percent}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeRung(@PathVariable ClockStage stage, @PathVariable int percent) {
        rules.removeRung(stage, percent);
    }
}
