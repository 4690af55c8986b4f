package cn.civicloop.cases;

import java.util.List;

import cn.civicloop.calendar.LimitUnit;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Time limits and the escalation ladder as data, for the admin pages (owner role: ADMIN — the caller checks).
 * New limits apply to clocks started after the change. A refusal is a {@link cn.civicloop.shared.DomainException}.
 */
public interface SlaRules {

    /** The stages a limit can be set for (REWORK: the shorter limit after a rejection or a reopening). */
    List<String> LIMIT_STAGES = List.of("SIGN", "CONTACT", "HANDLE", "REWORK", "REVIEW", "FOLLOW_UP");

    List<LimitRule> timeLimits();

    /** Creates or replaces the limit of (scope, urgency, stage). */
    void saveTimeLimit(LimitRule rule);

    List<Rung> ladder();

    /** Creates or replaces the rung of (stage, percent). */
    void saveRung(Rung rung);

    void removeRung(ClockStage stage, int percent);

    /** {@code scope} is {@code *}, an appeal kind (ENQUIRY, HELP, ...) or a category name. */
    record LimitRule(@NotBlank @Size(max = 100) String scope, @NotNull Urgency urgency, @NotBlank String stage,
            @Min(0) @Max(10000) int amount, @NotNull LimitUnit unit) {
    }

    record Rung(@NotNull ClockStage stage, @Min(1) @Max(1000) int percent, @NotNull EscalationStep step) {
    }
}
