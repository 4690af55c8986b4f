package cn.civicloop.triage;

import cn.civicloop.cases.Urgency;

/**
 * A hazard or linkage rule that decided where an appeal goes, and why: the phrase of the appeal it matched.
 *
 * @param ruleId         the rule in the routing catalogue
 * @param ruleName       its name when it matched (the rule may be renamed later; its history keeps every version)
 * @param level          how grave; the order in which rules decide
 * @param phrase         the words of the appeal that matched (normalised: simplified characters, no spaces)
 * @param departmentCode the department or linked agency the appeal goes to, whatever the classifier says
 * @param unitCode       and its unit, or null
 * @param urgency        the urgency the appeal gets at least
 * @param refer110       the matter must be passed to 110 at once (立即转110), besides going to the department
 * @param diverted       a 110 call handed to a linked agency (联动分流): the rule diverts and the appeal came in
 *                       through a police channel
 */
public record HazardMatch(long ruleId, String ruleName, HazardLevel level, String phrase, String departmentCode,
        String unitCode, Urgency urgency, boolean refer110, boolean diverted) {
}
