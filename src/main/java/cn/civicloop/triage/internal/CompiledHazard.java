package cn.civicloop.triage.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.civicloop.classifier.ChineseText;
import cn.civicloop.triage.HazardMatch;
import cn.civicloop.triage.RoutingCatalogue.HazardRule;

/**
 * A hazard or linkage rule ready to match: its patterns compiled once. Matching runs over normalised text
 * ({@link ChineseText#normalise}); a match counts only where it is not negated in its clause, and the rule does not
 * apply when one of its exclusions counts likewise ("两车剐蹭，没有人受伤" is still a minor accident).
 */
record CompiledHazard(HazardRule rule, Phrases patterns, Phrases excludes) {

    private static final Logger log = LoggerFactory.getLogger(CompiledHazard.class);

    /** The channels of a 110 call: a rule that diverts hands these over as a linkage diversion (联动分流). */
    static final Set<String> POLICE_CHANNELS = Set.of("POLICE_110", "BLOCK_POLICE");

    /** The order in which matching rules decide: level (life first), priority number, then the older rule. */
    static final Comparator<HazardRule> ORDER = Comparator.comparing(HazardRule::level)
            .thenComparingInt(HazardRule::priority)
            .thenComparing(r -> r.id() == null ? Long.MAX_VALUE : r.id());

    /** Compiles a rule; throws {@link java.util.regex.PatternSyntaxException} for a pattern that does not compile. */
    static CompiledHazard of(HazardRule rule) {
        return new CompiledHazard(rule, Phrases.of(rule.patterns()),
                rule.excludePatterns() == null ? null : Phrases.of(rule.excludePatterns()));
    }

    /**
     * Patterns are written in the normalised form of the text (simplified characters, no spaces), any case. A pattern
     * without a cased letter (Han characters, digits, punctuation and the syntax around them: all the shipped rules
     * but one) matches the same text whether or not case is folded, since no character folds to an uncased one;
     * folding each character the engine reads held 20 to 45 % of the app's profile samples (docs/triage.md).
     */
    static Pattern compile(String pattern) {
        return Pattern.compile(pattern, hasCase(pattern) ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    /** Whether a character of the pattern has another case (a Latin letter, also the letter of an escape). */
    static boolean hasCase(String pattern) {
        return pattern.codePoints().anyMatch(c -> Character.toLowerCase(c) != c || Character.toUpperCase(c) != c
                || Character.toTitleCase(c) != c);
    }

    /** The first rule in {@link #ORDER} that matches, as the match. {@code rules} must be in that order. */
    static Optional<HazardMatch> first(List<CompiledHazard> rules, String normalisedText, String channel,
            List<String> areaCodes) {
        for (CompiledHazard c : rules) {
            Optional<String> phrase;
            try {
                phrase = c.phrase(normalisedText, channel, areaCodes);
            } catch (BoundedText.TooSlow e) {
                // Cannot happen to a pattern saved through the checks; one moved in by a migration could.
                log.error("Hazard rule #{} ({}) is too slow for a text of {} characters and was skipped; fix its pattern",
                        c.rule().id(), c.rule().name(), normalisedText.length());
                continue;
            }
            if (phrase.isPresent()) {
                HazardRule r = c.rule();
                return Optional.of(new HazardMatch(r.id(), r.name(), r.level(), phrase.get(), r.departmentCode(),
                        r.unitCode(), r.urgency(), r.refer110(), r.diverts() && POLICE_CHANNELS.contains(channel)));
            }
        }
        return Optional.empty();
    }

    /** The phrase of the text this rule matches, if the rule applies to this channel and these places. */
    Optional<String> phrase(String text, String channel, List<String> areaCodes) {
        if (!rule.active() || (!rule.channels().isEmpty() && !rule.channels().contains(channel))
                || (rule.areaCode() != null && !areaCodes.contains(rule.areaCode()))) {
            return Optional.empty();
        }
        String phrase = patterns.firstNotNegated(text);
        if (phrase == null || (excludes != null && excludes.firstNotNegated(text) != null)) {
            return Optional.empty();
        }
        return Optional.of(phrase.length() > 100 ? phrase.substring(0, 100) : phrase);
    }

    /** A pattern of a rule, with the characters its matches begin with when they can be read from it. */
    record Phrases(Pattern pattern, MatchStarts starts) {

        static Phrases of(String pattern) {
            Pattern compiled = compile(pattern);
            return new Phrases(compiled, MatchStarts.of(compiled).orElse(null));
        }

        /** The first non-empty match that is not negated; throws {@link BoundedText.TooSlow}. */
        String firstNotNegated(String text) {
            Matcher m = pattern.matcher(new BoundedText(text));
            if (starts == null) {
                while (m.find()) {
                    if (m.end() > m.start() && !ChineseText.negated(text, m.start())) {
                        return m.group();
                    }
                }
                return null;
            }
            // The engine is tried only where a match can begin, as find() would try it there: a lookbehind still
            // sees the text before, and after a match the search goes on from its end. Every match is non-empty.
            m.useTransparentBounds(true).useAnchoringBounds(false);
            int from = 0;
            int at;
            while ((at = starts.next(text, from)) >= 0) {
                m.region(at, text.length());
                if (!m.lookingAt()) {
                    from = at + 1;
                } else if (!ChineseText.negated(text, m.start())) {
                    return m.group();
                } else {
                    from = m.end();
                }
            }
            return null;
        }
    }
}
