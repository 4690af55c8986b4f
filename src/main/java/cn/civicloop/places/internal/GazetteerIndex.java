package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.civicloop.places.PlaceLevel;

/**
 * The gazetteer in memory: every element as a node linked to its parent and children, the names (roads, places,
 * their aliases, former names and stems) as keys found by character and by sound, sorted names for completion, and
 * the points in cells of about 100 m for the nearest place. Built whole from the table; immutable afterwards.
 */
final class GazetteerIndex {

    /** A name of a road or place as the geocoder looks for it, with how much a match of it is worth. */
    record Key(NameMatch.Spelled spelled, GazetteerNode node, double weight) {
    }

    private static final List<String> ROAD_ENDINGS = List.of("大道", "路", "街", "巷", "胡同");
    private static final List<String> PLACE_ENDINGS = List.of("小区", "花园", "家园", "新村", "公寓", "名苑", "雅居",
            "佳苑");

    final Map<String, GazetteerNode> byCode = new HashMap<>();
    final List<GazetteerNode> roads = new ArrayList<>();
    final List<Key> keys = new ArrayList<>();
    private final Map<Character, List<Integer>> byChar = new HashMap<>();
    private final Map<String, List<Integer>> bySound = new HashMap<>();
    /** Normalised names → key ids, for completion of a name being typed. */
    final TreeMap<String, List<Integer>> sorted = new TreeMap<>();
    final PointCells cells = new PointCells();
    private final int maxPosting;

    GazetteerIndex(List<Element> elements) {
        for (Element e : elements) {
            byCode.put(e.code(), new GazetteerNode(e));
        }
        for (GazetteerNode node : byCode.values()) {
            GazetteerNode parent = node.element.parent() == null ? null : byCode.get(node.element.parent());
            node.parent = parent;
            if (parent != null) {
                parent.children.put(AddressText.normalise(node.element.name()), node);
                if (node.level() == PlaceLevel.DOORPLATE && node.number() >= 0) {
                    parent.doorplates.put(node.number(), node);
                }
            }
        }
        for (GazetteerNode node : byCode.values()) {
            switch (node.level()) {
                case ROAD -> {
                    roads.add(node);
                    names(node, ROAD_ENDINGS);
                }
                case PLACE -> {
                    names(node, PLACE_ENDINGS);
                    cells.add(node);
                }
                case DOORPLATE, GATE -> cells.add(node);
                default -> { }
            }
        }
        roads.sort(java.util.Comparator.comparing(n -> n.element.code()));
        maxPosting = Math.max(300, keys.size() / 8);
    }

    private void names(GazetteerNode node, List<String> endings) {
        String name = AddressText.normalise(node.element.name());
        key(name, node, 1.0);
        node.element.aliases().forEach(a -> key(AddressText.normalise(a), node, 0.97));
        node.element.formerNames().forEach(f -> key(AddressText.normalise(f), node, 0.93));
        for (String ending : endings) {
            if (name.endsWith(ending) && name.length() - ending.length() >= 2) {
                key(name.substring(0, name.length() - ending.length()), node, 0.85);
                break;
            }
        }
    }

    private void key(String text, GazetteerNode node, double weight) {
        if (text.length() < 2) {
            return;
        }
        int id = keys.size();
        Key key = new Key(NameMatch.Spelled.of(text), node, weight);
        keys.add(key);
        Set<Character> chars = new HashSet<>();
        Set<String> sounds = new HashSet<>();
        for (int i = 0; i < text.length(); i++) {
            if (chars.add(text.charAt(i))) {
                byChar.computeIfAbsent(text.charAt(i), c -> new ArrayList<>()).add(id);
            }
            if (AddressText.chinese(text.charAt(i)) && sounds.add(key.spelled().fuzzy()[i])) {
                bySound.computeIfAbsent(key.spelled().fuzzy()[i], s -> new ArrayList<>()).add(id);
            }
        }
        sorted.computeIfAbsent(text, t -> new ArrayList<>()).add(id);
    }

    /**
     * Words of the address's structure (号, 楼, 单元, 室, 门…): in almost every key or none, they find nothing but
     * noise (元 sounds like 园, 苑 and 源), so they do not propose keys; they are still aligned.
     */
    private static final String STRUCTURE = "号楼单元室门栋幢座层户的路街道区巷弄";

    /**
     * Keys sharing at least two characters or sounds with the text: the only ones worth aligning, by ascending id.
     * Counted in an array by key id: a text with common characters (公寓, 雅居…) touches thousands of keys.
     */
    int[] candidateKeys(NameMatch.Spelled text) {
        int[] hits = new int[keys.size()];
        Set<Character> chars = new HashSet<>();
        Set<String> sounds = new HashSet<>();
        List<List<Integer>> postings = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.chars().charAt(i);
            if (Character.isDigit(c) || STRUCTURE.indexOf(c) >= 0) {
                continue;
            }
            if (chars.add(c)) {
                postings.add(byChar.get(c));
            }
            if (AddressText.chinese(c) && sounds.add(text.fuzzy()[i])) {
                postings.add(bySound.get(text.fuzzy()[i]));
            }
        }
        for (List<Integer> posting : postings) {
            if (posting == null || posting.size() > maxPosting) {
                continue;
            }
            for (int id : posting) {
                hits[id]++;
            }
        }
        int[] out = new int[16];
        int count = 0;
        for (int id = 0; id < hits.length; id++) {
            int n = hits[id];
            if (n >= 3 || n >= 2 && keys.get(id).spelled().length() <= 3) {
                if (count == out.length) {
                    out = java.util.Arrays.copyOf(out, count * 2);
                }
                out[count++] = id;
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    int size() {
        return byCode.size();
    }
}
