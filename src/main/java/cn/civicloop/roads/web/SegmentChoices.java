package cn.civicloop.roads.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.civicloop.roads.internal.Segment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The segment picker of the patrol page: the chief's own segments first, then the rest of his squad's, then (only
 * when asked for) all others; each option says its road. The own and squad segments are also drawn on the map.
 */
record SegmentChoices(List<Choice> own, List<Choice> squad, List<Choice> others, String mapJson) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One option: the segment's code and a label that always names the road. */
    record Choice(String code, String label) {

        static Choice of(Segment s) {
            String section = s.section();
            String label = section == null || section.isBlank() ? s.name()
                    : section.contains(s.name()) ? section : s.name() + " " + section;
            return new Choice(s.code(), s.code() + " " + label);
        }
    }

    /** {@code all} is null unless the whole network was asked for. */
    static SegmentChoices of(List<Segment> own, List<Segment> squad, List<Segment> all) {
        Set<String> listed = new HashSet<>();
        own.forEach(s -> listed.add(s.code()));
        squad.forEach(s -> listed.add(s.code()));
        List<Choice> others = all == null ? null
                : all.stream().filter(s -> !listed.contains(s.code())).map(Choice::of).toList();
        List<Object> map = new ArrayList<>();
        own.forEach(s -> map.add(line(s, true)));
        squad.forEach(s -> map.add(line(s, false)));
        return new SegmentChoices(own.stream().map(Choice::of).toList(), squad.stream().map(Choice::of).toList(),
                others, JSON.writeValueAsString(map));
    }

    /** A segment for the map: code, road, own or squad's, and its line as [lat, lon] pairs (Leaflet's order). */
    private static Map<String, Object> line(Segment s, boolean own) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.code());
        m.put("label", Choice.of(s).label());
        m.put("own", own);
        m.put("line", s.coordinates().stream().map(c -> new double[] {c[1], c[0]}).toList());
        return m;
    }
}
