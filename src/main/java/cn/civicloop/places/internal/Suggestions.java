package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.civicloop.places.PlaceCandidate;
import cn.civicloop.places.PlaceLevel;

/**
 * Completions of a text being typed: names that begin with it ("广济" → 广济路), the doorplates or buildings whose
 * number begins with the digits typed after a road or place ("广济路1" → 1号, 11号, 13号…), the units of a building
 * ("君山小区3号楼" → 1单元…), and otherwise what the geocoder reads.
 */
final class Suggestions {

    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,5})$");
    private static final Pattern BUILDING = Pattern.compile("^(\\d{1,3})号楼(\\d{0,2})$");

    private final GazetteerIndex index;
    private final int limit;
    private final Map<String, PlaceCandidate> out = new LinkedHashMap<>();

    Suggestions(GazetteerIndex index, int limit) {
        this.index = index;
        this.limit = limit;
    }

    List<PlaceCandidate> of(String text, List<Geocoder.Anchor> anchors) {
        for (Geocoder.Anchor a : anchors.subList(0, Math.min(3, anchors.size()))) {
            GazetteerNode node = a.key().node();
            String tail = text.substring(a.match().end());
            double base = a.match().similarity() * a.key().weight();
            if (base < 0.75) {
                continue;
            }
            Matcher number = NUMBER.matcher(tail);
            Matcher building = BUILDING.matcher(tail);
            if (tail.isEmpty() && a.match().end() == text.length()) {
                add(node.candidate(base));
            } else if (number.matches()) {
                children(node, number.group(1), node.level() == PlaceLevel.ROAD ? PlaceLevel.DOORPLATE
                        : PlaceLevel.BUILDING, base);
            } else if (building.matches() && node.level() != PlaceLevel.ROAD) {
                GazetteerNode b = node.children.get(building.group(1) + "号楼");
                if (b != null) {
                    add(b.candidate(base));
                    children(b, building.group(2), PlaceLevel.UNIT, base);
                }
            } else {
                AnchorResolver.resolve(node, base, tail)
                        .forEach(r -> add(r.node().candidate(r.label(), r.confidence())));
            }
        }
        prefixed(text);
        return out.values().stream().limit(limit).toList();
    }

    /** Names that begin with the text, shortest first. */
    private void prefixed(String text) {
        for (Map.Entry<String, List<Integer>> e : index.sorted.tailMap(text, true).entrySet()) {
            if (out.size() >= limit || !e.getKey().startsWith(text)) {
                break;
            }
            for (int id : e.getValue()) {
                GazetteerNode node = index.keys.get(id).node();
                add(node.candidate((double) text.length() / e.getKey().length()));
            }
        }
    }

    private void children(GazetteerNode parent, String digits, PlaceLevel level, double confidence) {
        List<GazetteerNode> list = new ArrayList<>();
        for (GazetteerNode child : parent.children.values()) {
            if (child.level() == level && String.valueOf(child.number()).startsWith(digits)) {
                list.add(child);
            }
        }
        list.sort(Comparator.comparingInt((GazetteerNode c) -> String.valueOf(c.number()).length())
                .thenComparingInt(GazetteerNode::number));
        list.stream().limit(limit).forEach(c -> add(c.candidate(confidence)));
    }

    private void add(PlaceCandidate c) {
        if (out.size() < limit) {
            out.putIfAbsent(c.code(), c);
        }
    }
}
