package cn.civicloop.triage.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.civicloop.cases.Channel;
import cn.civicloop.classifier.ChineseText;
import cn.civicloop.triage.HazardMatch;
import cn.civicloop.triage.HazardRules;

/** {@link HazardRules} over the catalogue's active hazard and linkage rules, in the order they decide. */
@Service
class HazardRuleBook implements HazardRules {

    private final HazardCatalogue catalogue;

    HazardRuleBook(HazardCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<HazardMatch> match(String title, String content, Channel channel, List<String> areaCodes) {
        return match(title, content, channel == null ? null : channel.name(), areaCodes);
    }

    Optional<HazardMatch> match(String title, String content, String channel, List<String> areaCodes) {
        String text = ChineseText.normalise((title == null ? "" : title) + "\n" + (content == null ? "" : content));
        return CompiledHazard.first(catalogue.active(), text, channel, areaCodes == null ? List.of() : areaCodes);
    }
}
