package cn.civicloop.board.internal;

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
        StringBuilder out = new StringBuilder(s.length());
        for (Term t : NAMES.seg(s)) {
            String nature = t.nature == null ? "" : t.nature.toString();
            out.append(nature.startsWith("nr") && t.word.length() >= 2 ? "某" : t.word);
        }
        return out.toString();
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
