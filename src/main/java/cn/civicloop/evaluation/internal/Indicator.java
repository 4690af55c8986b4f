package cn.civicloop.evaluation.internal;

import java.util.Locale;

/**
 * An indicator as data (考核指标).
 *
 * @param direction HIGHER: more is better (a rate of success); LOWER: less is better (returns, rework, overdue)
 * @param unit      PERCENT: the formula gives a share, shown ×100 with %; COUNT: a number of cases
 * @param basis     which event's day puts a case into a period (SIGN_DUE, HANDLE_DUE, FOLLOW_UP, …)
 */
public record Indicator(String code, String nameZh, String nameEn, String formulaText, String direction, String unit,
        String basis, int position, int version) {

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    public boolean percent() {
        return "PERCENT".equals(unit);
    }

    public boolean higherIsBetter() {
        return "HIGHER".equals(direction);
    }

    Formula formula() {
        return Formula.parse(formulaText);
    }

    /** The counts of the formula, as {@code count(FACT, conditions)}, in order: the drill-down's terms. */
    public java.util.List<String> termKeys() {
        return formula().terms().stream().map(Formula.Term::key).toList();
    }

    /**
     * Whether the indicator is figured for {@code kind}: every fact it counts is of the kind's side (the road
     * system's facts for road areas and chiefs, the 110 service's for police blocks, the cases' facts for every
     * other kind).
     */
    public boolean appliesTo(cn.civicloop.evaluation.SubjectKind kind) {
        return formula().terms().stream().allMatch(t -> t.fact().side() == kind.side());
    }

    /** The figure as shown: a share ×100, a count as it is; {@code null} stays null ("—"). */
    public Double shown(Double raw) {
        return raw == null ? null : percent() ? raw * 100 : raw;
    }
}
