package cn.civicloop.places.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import cn.civicloop.places.PlaceCandidate;
import cn.civicloop.places.PlaceLevel;

/** An element of the gazetteer in the index: its standard label and its children by normalised name. */
final class GazetteerNode {

    final Element element;
    GazetteerNode parent;
    String label;
    final Map<String, GazetteerNode> children = new HashMap<>();
    /** A road's doorplates by number (the gazetteer's own numbering, odd on one side, even on the other). */
    final TreeMap<Integer, GazetteerNode> doorplates = new TreeMap<>();
    /** A road's centre line, null for other levels. */
    final Polyline line;

    GazetteerNode(Element element) {
        this.element = element;
        this.line = element.line() == null ? null : Polyline.parse(element.line());
    }

    PlaceLevel level() {
        return element.level();
    }

    String label() {
        if (label == null) {
            label = switch (element.level()) {
                case DOORPLATE, BUILDING, UNIT, GATE -> parent == null ? element.name() : parent.label() + element.name();
                case ROOM -> (parent == null ? "" : parent.label()) + element.name() + (element.name().matches("\\d+") ? "室" : "");
                default -> element.name();
            };
        }
        return label;
    }

    /** The number of a doorplate, building or unit ("12号" → 12), or -1. */
    int number() {
        String digits = element.name().replaceAll("\\D.*$", "");
        return digits.isEmpty() || digits.length() > 6 ? -1 : Integer.parseInt(digits);
    }

    PlaceCandidate candidate(double confidence) {
        return candidate(label(), confidence);
    }

    PlaceCandidate candidate(String shown, double confidence) {
        return new PlaceCandidate(element.code(), shown, element.level(), element.lat(), element.lon(),
                Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000.0, element.community(),
                element.grid());
    }
}
