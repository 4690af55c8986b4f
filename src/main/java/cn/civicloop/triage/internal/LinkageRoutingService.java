package cn.civicloop.triage.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.civicloop.cases.Channel;
import cn.civicloop.triage.LinkageRouting;

/** {@link LinkageRouting} by the same decision as the automatic triage of a 110 case. */
@Service
class LinkageRoutingService implements LinkageRouting {

    private final TriageDecider decider;

    LinkageRoutingService(TriageDecider decider) {
        this.decider = decider;
    }

    @Override
    public Optional<String> agencyFor(String title, String content, List<String> areaCodes) {
        Outcome o = decider.decide(title, content, Channel.POLICE_110.name(), areaCodes);
        return o.diverted() && o.hazard() != null ? Optional.of(o.hazard().departmentCode()) : Optional.empty();
    }
}
