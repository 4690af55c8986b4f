package cn.civicloop.board.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import cn.civicloop.shared.Text;

/**
 * Makes a resident's words fit for the public board: his name, phone and exact address out, house numbers (门牌号)
 * blanked, any run of digits long enough to be a phone or an identity number blanked, names HanLP recognises
 * blanked.
 */
final class Anonymiser {

    /** 某先生 / 某女士 / 某市民: what the board calls a resident, from how he gave his name. */
    enum Salutation {
        MR, MS, RESIDENT
    }

    private static final Pattern HOUSE_NUMBER = Pattern.compile(
            "[0-9０-９一二三四五六七八九十百零〇]+(?=\\s*(号楼|号院|号|栋|幢|单元|室|层|楼|户|弄|巷))");
    private static final String BLANK = "*";
    private static final Segment NAMES = HanLP.newSegment().enableNameRecognize(true);
    /** How the district's road names end (路 街 巷 大道 胡同). */
    private static final List<String> ROAD_ENDINGS = List.of("路", "街", "巷", "大道", "胡同");
    /** The words HanLP leaves after a road's proper name when it splits one (青檀 南路, 青檀 大街). */
    private static final Set<String> ROAD_WORDS = Set.of("路", "街", "巷", "大道", "大街", "胡同", "东路", "西路",
            "南路", "北路", "中路", "东街", "西街", "南街", "北街");

    private Anonymiser() {
    }

    static Salutation salutation(String name) {
        if (name == null) {
            return Salutation.RESIDENT;
        }
        String n = name.strip();
        if (n.endsWith("女士") || n.endsWith("小姐") || n.endsWith("阿姨") || n.endsWith("大妈")) {
            return Salutation.MS;
        }
        if (n.endsWith("先生") || n.endsWith("师傅") || n.endsWith("大爷")) {
            return Salutation.MR;
        }
        return Salutation.RESIDENT;
    }

    /** The text without the name, phone and address given with the case, nor house numbers or long digit runs. */
    static String scrub(String text, String name, String phone, String address) {
        if (text == null) {
            return null;
        }
        String s = text;
        s = without(s, address);
        s = without(s, phone);
        s = withoutName(s, name);
        s = withoutRecognisedNames(s);
        s = Text.replaceLongNumbers(s, number -> BLANK);
        s = HOUSE_NUMBER.matcher(s).replaceAll(BLANK);
        return s;
    }

    /**
     * Other people's names (a handler's, a neighbour's) are not known to the board: HanLP's name recogniser blanks
     * those it finds. Best effort: it misses some names and splits others (ADR 0038).
     */
    private static String withoutRecognisedNames(String s) {
        List<Term> terms = NAMES.seg(s);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            String nature = t.nature == null ? "" : t.nature.toString();
            boolean name = nature.startsWith("nr") && t.word.length() >= 2
                    && !roadName(t.word, i + 1 < terms.size() ? terms.get(i + 1).word : "");
            out.append(name ? "某" : t.word);
        }
        return out.toString();
    }

    /**
     * Whether a word the recogniser takes for a name is a road's: HanLP's dictionary holds some road names as
     * names (青檀路 as surname 青 and given name 檀路), and splits others into a "name" and the road word (青檀 南路).
     * Chinese given names do not end in a road word, so a recognised name of three characters or more ending in one
     * is a road, and so is one followed by a road word of its own. A two-character name ending in 路 (王路) stays a
     * name, as does a name followed by a word that merely begins with 路 (张伟 路过, 张伟 路边).
     */
    static boolean roadName(String word, String next) {
        return word.length() >= 3 && ROAD_ENDINGS.stream().anyMatch(word::endsWith) || ROAD_WORDS.contains(next);
    }

    private static String without(String s, String part) {
        return part == null || part.isBlank() ? s : s.replace(part.strip(), BLANK);
    }

    /** The full name, and the surname with a form of address (王先生), both leave; the surname alone is too common. */
    private static String withoutName(String s, String name) {
        if (name == null || name.isBlank()) {
            return s;
        }
        String n = name.strip();
        String out = s.replace(n, "某");
        if (n.length() >= 2) {
            String given = stripTitle(n);
            if (given.length() >= 2) {
                out = out.replace(given, "某");
            }
            out = out.replaceAll(Pattern.quote(n.substring(0, 1)) + "(?=(先生|女士|小姐|师傅|阿姨|大爷|大妈))", "某");
        }
        return out;
    }

    private static String stripTitle(String n) {
        for (String t : new String[] {"先生", "女士", "小姐", "师傅", "阿姨", "大爷", "大妈"}) {
            if (n.endsWith(t)) {
                return n.substring(0, n.length() - t.length());
            }
        }
        return n;
    }
}
