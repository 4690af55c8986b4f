package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.civicloop.places.PlaceLevel;

/**
 * What the text says after a road or place was found in it: a doorplate of the road (12号, 12弄), a gate of the
 * place (东门), a building, unit and room (3号楼2单元401, 3-2-401), a relation (对面, 附近) — and what is left over.
 * An element that does not exist is never made up: a missing doorplate offers the nearest numbers on the same side
 * of the road, a missing building the place itself, each less sure than a full match.
 */
final class AnchorResolver {

    /** A road alone, or a place whose building was not found: far from exact, never "high confidence". */
    static final double ROAD_ONLY = 0.7;
    static final double NEAR_NUMBER = 0.72;
    static final double PART_MISSING = 0.78;

    private static final Pattern DOORPLATE = Pattern.compile("^(\\d{1,5})(号|弄|号院)?");
    private static final Pattern RELATION = Pattern.compile(
            "^(?:的)?(对面|附近|旁边|门口|旁|边上|周边|东侧|西侧|南侧|北侧|里面|内|院内|楼下|后面|前面)");
    private static final Pattern GATE = Pattern.compile("^(东|西|南|北|正|大|前|后|侧)(?:大)?门");
    private static final Pattern DASHED = Pattern.compile("^(\\d{1,3})-(\\d{1,2})(?:-(\\d{1,5}))?");
    private static final Pattern BUILDING = Pattern.compile(
            "^(\\d{1,3})号(?:楼)?(?:(\\d{1,2})单元)?(?:(\\d{1,5})(?:室|户|号)?)?");
    private static final Pattern FILLER = Pattern.compile(
            "对面|附近|旁边|门口|一带|周边|边上|这里|那里|这边|那边|东侧|西侧|南侧|北侧|路口|的|处|旁|内");
    private static final Pattern ENDINGS = Pattern.compile("^(?:小区|花园|家园|新村|社区|大道|大街|路|街|道)");

    private AnchorResolver() {
    }

    static List<Resolved> resolve(GazetteerNode anchor, double base, String tail) {
        String rest = ENDINGS.matcher(tail).replaceFirst("");
        return anchor.level() == PlaceLevel.ROAD ? road(anchor, base, rest) : place(anchor, base, rest);
    }

    private static List<Resolved> road(GazetteerNode road, double base, String tail) {
        Matcher m = DOORPLATE.matcher(tail);
        if (!m.find()) {
            return List.of(Resolved.of(road, base * ROAD_ONLY * leftover(tail)));
        }
        int number = Integer.parseInt(m.group(1));
        double form = "弄".equals(m.group(2)) ? 0.95 : 1;
        double rest = leftover(tail.substring(m.end()));
        GazetteerNode plate = road.doorplates.get(number);
        if (plate != null) {
            return List.of(Resolved.of(plate, base * form * rest));
        }
        List<Resolved> near = new ArrayList<>();
        for (Map.Entry<Integer, GazetteerNode> e : java.util.Arrays.asList(
                sameSide(road.doorplates.headMap(number, false).descendingMap(), number),
                sameSide(road.doorplates.tailMap(number, false), number))) {
            if (e != null && Math.abs(e.getKey() - number) <= 12) {
                near.add(Resolved.of(e.getValue(), base * NEAR_NUMBER * rest));
            }
        }
        near.add(Resolved.of(road, base * ROAD_ONLY * 0.9));
        return near;
    }

    /** The nearest doorplate on the same side of the road (same parity), walking past the other side's numbers. */
    private static Map.Entry<Integer, GazetteerNode> sameSide(Map<Integer, GazetteerNode> walk, int number) {
        for (Map.Entry<Integer, GazetteerNode> e : walk.entrySet()) {
            if (Math.abs(e.getKey() - number) > 12) {
                return null;
            }
            if ((e.getKey() - number) % 2 == 0) {
                return e;
            }
        }
        return null;
    }

    private static List<Resolved> place(GazetteerNode place, double base, String tail) {
        String t = tail;
        double relation = 1;
        Matcher r = RELATION.matcher(t);
        if (r.find()) {
            relation = 0.95;
            t = t.substring(r.end());
        }
        Matcher g = GATE.matcher(t);
        if (g.find()) {
            GazetteerNode gate = place.children.get(g.group(1) + "门");
            double rest = leftover(t.substring(g.end()));
            return List.of(gate != null ? Resolved.of(gate, base * relation * rest)
                    : Resolved.of(place, base * relation * PART_MISSING * rest));
        }
        Matcher d = DASHED.matcher(t);
        Matcher b = BUILDING.matcher(t);
        if (d.find()) {
            return building(place, base * relation, d.group(1), d.group(2), d.group(3), t.substring(d.end()));
        }
        if (b.find() && (b.group(2) != null || t.startsWith(b.group(1) + "号楼"))) {
            return building(place, base * relation, b.group(1), b.group(2), b.group(3), t.substring(b.end()));
        }
        return List.of(Resolved.of(place, base * relation * leftover(t)));
    }

    private static List<Resolved> building(GazetteerNode place, double base, String building, String unit, String room,
            String after) {
        double rest = leftover(after);
        GazetteerNode b = place.children.get(Integer.parseInt(building) + "号楼");
        if (b == null) {
            return List.of(Resolved.of(place, base * PART_MISSING * rest));
        }
        if (unit == null) {
            return List.of(Resolved.of(b, base * rest));
        }
        GazetteerNode u = b.children.get(Integer.parseInt(unit) + "单元");
        if (u == null) {
            return List.of(Resolved.of(b, base * PART_MISSING * rest));
        }
        if (room == null) {
            return List.of(Resolved.of(u, base * rest));
        }
        GazetteerNode stored = u.children.get(room);
        // Rooms are rarely in the gazetteer: the unit's door is the point, the room number is kept in the label.
        return List.of(stored != null ? Resolved.of(stored, base * rest)
                : new Resolved(u, u.label() + room + "室", base * rest));
    }

    /** Text nobody could explain lowers the confidence a little per character, to at most a sixth. */
    static double leftover(String rest) {
        String words = FILLER.matcher(rest).replaceAll("");
        long unexplained = words.codePoints().filter(Character::isLetterOrDigit).count();
        return Math.max(0.83, 1 - 0.025 * unexplained);
    }
}
