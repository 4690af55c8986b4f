package cn.civicloop.triage;

import java.util.List;
import java.util.Optional;

/**
 * The routing catalogue's 110 diversion rules (联动分流), for the police desk: before it hands a call to a linked
 * agency without naming one, it asks which agency the rules name, and refuses the diversion when none does
 * (a case without a department would wait unseen).
 */
public interface LinkageRouting {

    /**
     * The code of the department the catalogue's 110 diversion rules name for a call with this text at a place in
     * these areas (street, community, grid codes; empty when the place is unknown) — the decision triage takes for
     * a case of the channel {@code POLICE_110} — or empty when no diversion rule applies.
     */
    Optional<String> agencyFor(String title, String content, List<String> areaCodes);
}
