package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import cn.civicloop.geo.AreaLevel;
import cn.civicloop.geo.AreaRef;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.places.Gazetteer;
import cn.civicloop.places.Geocoding;
import cn.civicloop.places.NearbyPlace;
import cn.civicloop.places.PlaceCandidate;
import cn.civicloop.places.PlaceLevel;

/**
 * The geocoder over the in-memory index: finds the roads and places named in the text (typos and homophones
 * allowed), reads what follows each of them ({@link AnchorResolver}), adds the crossing of two roads named together,
 * and ranks what it found. Nothing below the threshold is offered.
 */
@Service
class Geocoder implements Gazetteer {

    /** Names matched this loosely are not worth resolving. */
    private static final double MIN_SIMILARITY = 0.55;
    private static final int ANCHORS = 12;
    private static final Pattern CROSSING = Pattern.compile("与|和|跟|同|及|交叉|交汇|路口|十字");

    private final java.util.function.Supplier<GazetteerIndex> index;
    private final Jurisdictions jurisdictions;
    private final PlacesProperties properties;
    private final ReverseGeocoder reverse;
    private final List<AreaRef> areas;

    @org.springframework.beans.factory.annotation.Autowired
    Geocoder(GazetteerIndexHolder holder, Jurisdictions jurisdictions, PlacesProperties properties) {
        this(holder::index, jurisdictions, properties);
    }

    /** Over an index given by the caller (the tests and the benchmark build one without a database). */
    Geocoder(java.util.function.Supplier<GazetteerIndex> index, Jurisdictions jurisdictions,
            PlacesProperties properties) {
        this.index = index;
        this.jurisdictions = jurisdictions;
        this.properties = properties;
        this.reverse = new ReverseGeocoder(properties.reverseReach());
        List<AreaRef> all = new ArrayList<>();
        for (AreaLevel level : List.of(AreaLevel.DISTRICT, AreaLevel.STREET, AreaLevel.COMMUNITY)) {
            all.addAll(jurisdictions.areas(level));
        }
        this.areas = List.copyOf(all);
    }

    @Override
    public Geocoding geocode(String text) {
        AddressQuery query = AddressQuery.of(text, areas);
        List<Resolved> ranked = rank(index.get(), query);
        List<PlaceCandidate> found = ranked.stream().filter(r -> r.confidence() >= properties.threshold())
                .limit(properties.maxCandidates()).map(r -> r.node().candidate(r.label(), r.confidence())).toList();
        return new Geocoding(query.text(), !found.isEmpty(), found, found.isEmpty() ? query.area() : null);
    }

    @Override
    public double highConfidence() {
        return properties.highConfidence();
    }

    @Override
    public List<PlaceCandidate> suggest(String text, int limit) {
        AddressQuery query = AddressQuery.lenient(text, areas);
        if (query.text().isEmpty()) {
            return List.of();
        }
        return new Suggestions(index.get(), limit).of(query.text(), anchors(index.get(), query.text()));
    }

    @Override
    public Optional<NearbyPlace> reverse(GeoPoint wgs84) {
        if (!jurisdictions.withinDistrict(wgs84)) {
            throw new cn.civicloop.shared.InvalidInputException("lat", cn.civicloop.shared.Phrase.of(
                    "problem.places.outside-district", "该坐标不在本区范围内（{0}, {1}）", wgs84.lat(), wgs84.lon()));
        }
        return reverse.nearest(index.get(), wgs84);
    }

    /** Every reading of the text, best first (no threshold: the benchmark and the suggestions look further down). */
    static List<Resolved> rank(GazetteerIndex index, AddressQuery query) {
        String text = query.text();
        List<Anchor> anchors = anchors(index, text);
        Map<String, Resolved> best = new LinkedHashMap<>();
        for (Anchor a : anchors) {
            double base = a.match().similarity() * a.key().weight() * AnchorResolver.leftover(before(text, a));
            for (Resolved r : AnchorResolver.resolve(a.key().node(), base, text.substring(a.match().end()))) {
                keep(best, areaFit(r, query.area()));
            }
        }
        crossings(anchors, text).forEach(r -> keep(best, r));
        List<Resolved> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingDouble(Resolved::confidence).reversed()
                .thenComparing(r -> r.node().element.code()));
        return ranked;
    }

    /** Text before the name, minus what is normally there (an area already taken out, a relation). */
    private static String before(String text, Anchor a) {
        return text.substring(0, a.match().start());
    }

    /** Roads and places found in the text, best first. */
    static List<Anchor> anchors(GazetteerIndex index, String text) {
        NameMatch.Spelled spelled = NameMatch.Spelled.of(text);
        Map<GazetteerNode, Anchor> byNode = new HashMap<>();
        NameMatch.Contents contents = NameMatch.Contents.of(spelled);
        for (int id : index.candidateKeys(spelled)) {
            GazetteerIndex.Key key = index.keys.get(id);
            // most candidates share only a common ending (公寓, 雅居…): ruled out before aligning them
            if (!NameMatch.mayReach(key.spelled(), contents, MIN_SIMILARITY)) {
                continue;
            }
            NameMatch m = NameMatch.find(key.spelled(), spelled);
            if (m == null || m.similarity() < MIN_SIMILARITY || !firstCharFits(key, spelled, m)) {
                continue;
            }
            Anchor a = new Anchor(key, m);
            byNode.merge(key.node(), a, (x, y) -> x.score() >= y.score() ? x : y);
        }
        // the best few of what may be a thousand names (a common ending matched): kept in a small heap, not sorted
        Comparator<Anchor> order = Comparator.comparingDouble(Anchor::score).reversed()
                .thenComparing(a -> a.key().node().element.code());
        java.util.PriorityQueue<Anchor> worstFirst = new java.util.PriorityQueue<>(ANCHORS + 1, order.reversed());
        for (Anchor a : byNode.values()) {
            worstFirst.add(a);
            if (worstFirst.size() > ANCHORS) {
                worstFirst.poll();
            }
        }
        List<Anchor> best = new ArrayList<>(worstFirst);
        best.sort(order);
        return best;
    }

    /**
     * A short name matched loosely must at least begin as written: "广齐路" may be 广济路 typed wrong, but "华山路"
     * is not "泰山路" with one character changed.
     */
    private static boolean firstCharFits(GazetteerIndex.Key key, NameMatch.Spelled text, NameMatch m) {
        return m.similarity() >= 0.75 || key.spelled().length() >= 4
                || text.chars().charAt(m.start()) == key.spelled().chars().charAt(0);
    }

    /** Two roads named together with a word of crossing: where their lines cross, if they do. */
    private static List<Resolved> crossings(List<Anchor> anchors, String text) {
        if (!CROSSING.matcher(text).find()) {
            return List.of();
        }
        List<Anchor> roads = anchors.stream().filter(a -> a.key().node().level() == PlaceLevel.ROAD
                && a.match().similarity() >= 0.7).toList();
        List<Resolved> out = new ArrayList<>();
        for (int i = 0; i < roads.size(); i++) {
            for (int j = i + 1; j < roads.size(); j++) {
                Anchor a = roads.get(i);
                Anchor b = roads.get(j);
                if (a.match().end() > b.match().start() && b.match().end() > a.match().start()) {
                    continue;
                }
                Anchor first = a.match().start() < b.match().start() ? a : b;
                Anchor second = first == a ? b : a;
                GazetteerNode r1 = first.key().node();
                GazetteerNode r2 = second.key().node();
                r1.line.crossing(r2.line).ifPresent(p -> out.add(new Resolved(Intersection.node(r1, r2, p),
                        r1.element.name() + "与" + r2.element.name() + "交叉口",
                        Math.min(first.match().similarity(), second.match().similarity()) * 0.98)));
            }
        }
        return out;
    }

    private static Resolved areaFit(Resolved r, AreaRef area) {
        if (area == null || area.level() == AreaLevel.DISTRICT) {
            return r;
        }
        Element e = r.node().element;
        boolean inside = area.level() == AreaLevel.COMMUNITY ? area.code().equals(e.community())
                : e.street() != null && e.street().equals(area.code());
        return inside ? r : new Resolved(r.node(), r.label(), r.confidence() * 0.85);
    }

    private static void keep(Map<String, Resolved> best, Resolved r) {
        best.merge(r.node().element.code() + "|" + r.label(), r, (x, y) -> x.confidence() >= y.confidence() ? x : y);
    }

    /** A road or place found in the text. */
    record Anchor(GazetteerIndex.Key key, NameMatch match) {

        /** The best match first, the longer name among equals: "君山东路" beats its stem "君山". */
        double score() {
            return match.similarity() * key.weight() + 0.01 * Math.min(6, key.spelled().length());
        }
    }
}
