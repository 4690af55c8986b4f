package cn.civicloop.evaluation.internal;

/**
 * Facts of one subject that agree on every attribute a formula's condition tests, and how many they are: the figures
 * are computed from these few groups, not from every fact. A group with exclusions holds facts already counted in
 * the groups without: those an exclusion names an indicator for are taken out of that indicator's counts.
 *
 * @param onScene  whether the incident had a unit on scene (seconds to scene known): the only use of those seconds
 *                 a count makes; the median and p90 read the seconds themselves (PoliceResponses)
 * @param excluded the accepted exclusions of the facts' case (',CODE,CODE,'), null for the groups counted
 */
record FactGroup(Fact fact, boolean hit, boolean first, String outcome, Integer priority, boolean onScene,
        String excluded, long count) {

    /**
     * What these facts add to {@code term} of the indicator {@code code}, as its SQL predicate would count them:
     * their number, none, or (facts of an excluded case) their number taken out.
     */
    long countIn(String code, Formula.Term term) {
        if (fact != term.fact()) {
            return 0;
        }
        for (String condition : term.conditions()) {
            if (!Formula.TESTS.get(condition).test(this)) {
                return 0;
            }
        }
        if (excluded == null) {
            return count;
        }
        return Exclusions.excludes(excluded, code) ? -count : 0;
    }
}
