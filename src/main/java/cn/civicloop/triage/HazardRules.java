package cn.civicloop.triage;

import java.util.List;
import java.util.Optional;

import cn.civicloop.cases.Channel;

/**
 * The hazard and linkage rules of the routing catalogue (险情·联动规则), asked before any classifier: intake asks
 * for the urgency of a new appeal, triage for its department. A rule that matches decides, whatever the
 * classifier's confidence; when several match, the gravest decides ({@link HazardLevel}).
 */
public interface HazardRules {

    /**
     * The rule that decides for an appeal with this text from this channel at these places (street, community and
     * grid codes, possibly none), if any.
     */
    Optional<HazardMatch> match(String title, String content, Channel channel, List<String> areaCodes);
}
