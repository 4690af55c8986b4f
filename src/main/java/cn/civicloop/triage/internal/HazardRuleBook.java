package cn.civicloop.triage.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.civicloop.cases.Channel;
import cn.civicloop.classifier.ChineseText;
import cn.civicloop.triage.HazardMatch;
import cn.civicloop.triage.HazardRules;
import cn.civicloop.triage.RoutingCatalogue.HazardRule;

/**
 * {@link HazardRules} over the catalogue's active hazard and linkage rules, in the order they decide.
 * <p>
 * Each appeal is matched twice: at intake (a hazard makes it urgent) and again by triage after the commit (the
 * hazard decides the department). The rules' case-insensitive patterns were 15 % of the app's CPU per appeal, so
 * the recent answers are kept, keyed by the text, channel and places, for as long as the same rules are active.
 */
@Service
class HazardRuleBook implements HazardRules {

    /** Enough for a triage backlog of a few minutes at a burst's rate. */
    private static final int RECENT = 2_048;

    private final HazardCatalogue catalogue;
    private final Map<Key, Answer> recent = new LinkedHashMap<>(RECENT * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            return size() > RECENT;
        }
    };

    private record Key(String text, String channel, List<String> areaCodes) {
    }

    /**
     * A match as the rules in force then gave it: reused only while the same rules (equal, as stored) are active; the
     * catalogue compiles them anew every ten seconds, so the compiled list itself is not the test.
     */
    private record Answer(List<HazardRule> rules, Optional<HazardMatch> match) {
    }

    HazardRuleBook(HazardCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Optional<HazardMatch> match(String title, String content, Channel channel, List<String> areaCodes) {
        return match(title, content, channel == null ? null : channel.name(), areaCodes);
    }

    Optional<HazardMatch> match(String title, String content, String channel, List<String> areaCodes) {
        String text = ChineseText.normalise((title == null ? "" : title) + "\n" + (content == null ? "" : content));
        List<CompiledHazard> rules = catalogue.active();
        Key key = new Key(text, channel, areaCodes == null ? List.of() : List.copyOf(areaCodes));
        Answer known;
        synchronized (recent) {
            known = recent.get(key);
        }
        List<HazardRule> inForce = rules.stream().map(CompiledHazard::rule).toList();
        if (known != null && known.rules().equals(inForce)) {
            return known.match();
        }
        Optional<HazardMatch> match = CompiledHazard.first(rules, text, channel, key.areaCodes());
        synchronized (recent) {
            recent.put(key, new Answer(inForce, match));
        }
        return match;
    }
}
