package cn.civicloop.places.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.core.io.ClassPathResource;

import cn.civicloop.places.PlaceLevel;

/**
 * The geocoder's test set over the demo gazetteer: typed variants generated from its elements (prefixes, Chinese
 * numerals, full-width digits, 弄, building forms, homophones of road names, aliases, relations, an area named) and
 * the addresses written by hand in {@code places/handwritten-addresses.tsv}, each with the code expected first.
 */
final class AddressTestSet {

    /** One typed address and the code of the element it means. */
    record Entry(String typed, String expected, String form) {
    }

    private static final String FULL_WIDTH = "０１２３４５６７８９";
    private static final String[] CHINESE = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
    /** Characters heard and typed for another of the same sound, as in the demo roads' names. */
    private static final Map<Character, Character> HOMOPHONES = Map.ofEntries(Map.entry('济', '机'),
            Map.entry('振', '镇'), Map.entry('兴', '星'), Map.entry('檀', '谈'), Map.entry('龙', '隆'),
            Map.entry('华', '化'), Map.entry('昌', '常'), Map.entry('江', '疆'), Map.entry('河', '合'),
            Map.entry('民', '明'), Map.entry('君', '军'), Map.entry('解', '介'), Map.entry('放', '方'),
            Map.entry('建', '见'), Map.entry('设', '社'), Map.entry('化', '华'), Map.entry('光', '广'),
            Map.entry('明', '名'), Map.entry('和', '河'), Map.entry('平', '萍'), Map.entry('人', '仁'),
            Map.entry('生', '升'), Map.entry('长', '常'), Map.entry('黄', '皇'), Map.entry('青', '清'),
            Map.entry('山', '删'), Map.entry('西', '溪'), Map.entry('文', '闻'), Map.entry('路', '陆'));

    private AddressTestSet() {
    }

    static List<Entry> generated(List<Element> gazetteer, int perForm) {
        Random random = new Random(2026);
        Map<String, Element> byCode = new HashMap<>();
        gazetteer.forEach(e -> byCode.put(e.code(), e));
        List<Element> plates = gazetteer.stream().filter(e -> e.level() == PlaceLevel.DOORPLATE
                && e.code().startsWith("R")).toList();
        List<Element> lanePlates = gazetteer.stream().filter(e -> e.level() == PlaceLevel.DOORPLATE
                && e.code().startsWith("L")).toList();
        List<Element> units = gazetteer.stream().filter(e -> e.level() == PlaceLevel.UNIT).toList();
        List<Element> gates = gazetteer.stream().filter(e -> e.level() == PlaceLevel.GATE).toList();
        List<Element> places = gazetteer.stream().filter(e -> e.level() == PlaceLevel.PLACE).toList();
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < perForm; i++) {
            Element p = pick(plates, random);
            String road = byCode.get(p.parent()).name();
            int n = Integer.parseInt(p.name().replace("号", ""));
            out.add(new Entry(road + n + "号", p.code(), "doorplate"));
            p = pick(plates, random);
            road = byCode.get(p.parent()).name();
            n = Integer.parseInt(p.name().replace("号", ""));
            out.add(new Entry("山东省枣庄市市中区" + road + fullWidth(n) + "号", p.code(), "prefix+full-width"));
            p = pick(plates, random);
            road = byCode.get(p.parent()).name();
            n = Integer.parseInt(p.name().replace("号", ""));
            out.add(new Entry("市中" + road + chinese(n) + "号", p.code(), "abbreviation+numeral"));
            p = pick(plates, random);
            road = byCode.get(p.parent()).name();
            n = Integer.parseInt(p.name().replace("号", ""));
            out.add(new Entry(homophone(road, random) + n + "号", p.code(), "homophone"));
            p = pick(plates, random);
            road = byCode.get(p.parent()).name();
            n = Integer.parseInt(p.name().replace("号", ""));
            out.add(new Entry(road + n + "弄", p.code(), "lane-number"));
            Element l = pick(lanePlates, random);
            out.add(new Entry(byCode.get(l.parent()).name() + l.name(), l.code(), "lane"));
            Element u = pick(units, random);
            Element b = byCode.get(u.parent());
            Element c = byCode.get(b.parent());
            int bn = Integer.parseInt(b.name().replace("号楼", ""));
            int un = Integer.parseInt(u.name().replace("单元", ""));
            out.add(new Entry(c.name() + bn + "号楼" + un + "单元", u.code(), "building-unit"));
            u = pick(units, random);
            b = byCode.get(u.parent());
            c = byCode.get(b.parent());
            bn = Integer.parseInt(b.name().replace("号楼", ""));
            un = Integer.parseInt(u.name().replace("单元", ""));
            int room = (1 + random.nextInt(6)) * 100 + 1 + random.nextInt(2);
            out.add(new Entry(c.name() + bn + "-" + un + "-" + room, u.code(), "dashed"));
            u = pick(units, random);
            b = byCode.get(u.parent());
            c = byCode.get(b.parent());
            bn = Integer.parseInt(b.name().replace("号楼", ""));
            un = Integer.parseInt(u.name().replace("单元", ""));
            out.add(new Entry(c.name() + chinese(bn) + "栋" + chinese(un) + "单元" + room + "室", u.code(),
                    "numerals-building"));
            Element g = pick(gates, random);
            out.add(new Entry(byCode.get(g.parent()).name() + g.name(), g.code(), "gate"));
            Element place = pick(places, random);
            String name = place.aliases().isEmpty() ? place.name() : place.aliases().get(0);
            out.add(new Entry(name + (i % 2 == 0 ? "对面" : "附近"), place.code(), "place-relation"));
        }
        return out;
    }

    static List<Entry> handwritten() {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = new ClassPathResource("places/handwritten-addresses.tsv").getInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                out.add(new Entry(cells[0], cells[1], "handwritten"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Element pick(List<Element> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    static String fullWidth(int n) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append(FULL_WIDTH.charAt(c - '0'));
        }
        return s.toString();
    }

    /** 12 → 十二, 105 → 一百零五, 40 → 四十. */
    static String chinese(int n) {
        if (n < 10) {
            return CHINESE[n];
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : CHINESE[n % 10]);
        }
        if (n < 100) {
            return CHINESE[n / 10] + "十" + (n % 10 == 0 ? "" : CHINESE[n % 10]);
        }
        int rest = n % 100;
        return CHINESE[n / 100] + "百" + (rest == 0 ? "" : rest < 10 ? "零" + CHINESE[rest] : rest < 20 ? "一" + chinese(rest) : chinese(rest));
    }

    /** One character of the road's name (not its ending) replaced by a homophone. */
    private static String homophone(String road, Random random) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < road.length() - 1; i++) {
            if (HOMOPHONES.containsKey(road.charAt(i))) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return road;
        }
        int i = positions.get(random.nextInt(positions.size()));
        return road.substring(0, i) + HOMOPHONES.get(road.charAt(i)) + road.substring(i + 1);
    }
}
