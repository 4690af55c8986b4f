package cn.civicloop.places.internal;

import java.util.List;
import java.util.regex.Pattern;

import cn.civicloop.geo.AreaLevel;
import cn.civicloop.geo.AreaRef;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/**
 * A text to geocode, checked and normalised: the province, city and district in front (山东省枣庄市市中区, 枣庄市中,
 * 市中区…) taken off, a street or community named in it taken out as a hint of the area.
 *
 * @param text the rest, normalised ({@link AddressText})
 * @param area the smallest area named (community before street), or null
 */
record AddressQuery(String shown, String text, AreaRef area) {

    static final int MAX_LENGTH = 200;

    private static final Pattern PREFIX = Pattern.compile("^(?:中国)?(?:山东省|山东)?(?:枣庄市|枣庄)?(?:市中区|市中)?");

    /** @throws InvalidInputException for a text people cannot mean as an address */
    static AddressQuery of(String raw, List<AreaRef> areas) {
        if (raw == null || raw.isBlank()) {
            throw refused("problem.places.empty", "请输入地址");
        }
        if (raw.length() > MAX_LENGTH) {
            throw refused("problem.places.too-long", "地址最多 {0} 个字", MAX_LENGTH);
        }
        String normalised = AddressText.normalise(raw);
        if (normalised.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.isLetter(c))) {
            throw refused("problem.places.no-name", "地址需要包含路名、地名或小区名，不能只有数字或符号");
        }
        if (normalised.codePointCount(0, normalised.length()) < 2) {
            throw refused("problem.places.too-short", "地址太短，请至少输入两个字");
        }
        return parse(raw, normalised, areas);
    }

    /** Without the checks: a text being typed (suggestions). */
    static AddressQuery lenient(String raw, List<AreaRef> areas) {
        String normalised = raw == null ? "" : AddressText.normalise(raw.length() > MAX_LENGTH
                ? raw.substring(0, MAX_LENGTH) : raw);
        return parse(raw, normalised, areas);
    }

    private static AddressQuery parse(String raw, String normalised, List<AreaRef> areas) {
        String text = normalised;
        AreaRef district = null;
        String stripped = PREFIX.matcher(text).replaceFirst("");
        if (stripped.length() < text.length() && !stripped.isEmpty()) {
            district = areas.stream().filter(a -> a.level() == AreaLevel.DISTRICT).findFirst().orElse(null);
            text = stripped;
        }
        AreaRef area = null;
        for (AreaRef a : areas) {
            if (a.level() != AreaLevel.DISTRICT && text.contains(a.name()) && text.length() > a.name().length()
                    && (area == null || a.level().ordinal() > area.level().ordinal())) {
                area = a;
            }
        }
        if (area != null) {
            text = text.replace(area.name(), "");
            for (AreaRef a : areas) {
                if (a.level() == AreaLevel.STREET && text.contains(a.name()) && text.length() > a.name().length()) {
                    text = text.replace(a.name(), "");
                }
            }
        }
        return new AddressQuery(raw, text, area != null ? area : district);
    }

    private static InvalidInputException refused(String key, String fallback, Object... args) {
        return new InvalidInputException("q", Phrase.of(key, fallback, args));
    }
}
