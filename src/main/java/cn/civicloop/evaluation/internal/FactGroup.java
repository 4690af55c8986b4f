package cn.civicloop.evaluation.internal;

/**
 * Facts of one subject that agree on every attribute a formula's condition or an objection's exclusion tests, and
 * how many they are: the figures are computed from these few groups, not from every fact.
 *
 * @param onScene  whether the incident had a unit on scene (seconds to scene known): the only use of those seconds
 *                 a count makes; the median and p90 read the seconds themselves (PoliceResponses)
 * @param excluded the accepted exclusions of the case (',CODE,CODE,'), null when none
 */
record FactGroup(Fact fact, boolean hit, boolean first, String outcome, Integer priority, boolean onScene,
        String excluded, long count) {

    /** Whether these facts count in {@code term} of the indicator {@code code}, as its SQL predicate would say. */
    boolean countsIn(String code, Formula.Term term) {
        if (fact != term.fact() || Exclusions.excludes(excluded, code)) {
            return false;
        }
        for (String condition : term.conditions()) {
            if (!Formula.TESTS.get(condition).test(this)) {
                return false;
            }
        }
        return true;
    }
}
