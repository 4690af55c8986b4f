package cn.civicloop.places.internal;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings an address as typed or spoken and a name of the gazetteer to one spelling, so that they compare: full-width
 * characters to half-width (NFKC), spaces and punctuation dropped, Chinese numerals before a unit word (十二号,
 * 三号楼二单元, 四零一室, 一巷) to digits, and the building forms 3#, 3栋, 3幢, 3座 to 3号楼.
 */
final class AddressText {

    private static final String DIGITS = "零〇一二两三四五六七八九";
    private static final Pattern CHINESE_NUMBER = Pattern.compile(
            "([零〇一二两三四五六七八九十百幺]+)(?=号|楼|栋|幢|单元|室|层|户|弄|巷|座|门牌|-)");
    private static final Pattern BUILDING = Pattern.compile("(\\d+)(?:#|栋|幢|座|号楼|楼)(?!层)");
    private static final Pattern DROP = Pattern.compile("[\\s\\p{Punct}&&[^#\\-]]|[，。、；：？！“”‘’（）《》【】·…—~]");

    private AddressText() {
    }

    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        s = s.replace('－', '-').replace('—', '-').replace('–', '-').replace('_', '-');
        s = DROP.matcher(s).replaceAll("");
        s = numerals(s);
        s = BUILDING.matcher(s).replaceAll("$1号楼");
        return s;
    }

    private static String numerals(String s) {
        Matcher m = CHINESE_NUMBER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Integer.toString(value(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** 十二 → 12, 二十三 → 23, 一百零五 → 105, 四零一 → 401 (read digit by digit), 幺 → 1. */
    static int value(String numeral) {
        String n = numeral.replace('幺', '一').replace('〇', '零');
        if (n.indexOf('十') < 0 && n.indexOf('百') < 0) {
            int v = 0;
            for (char c : n.toCharArray()) {
                v = v * 10 + digit(c);
            }
            return v;
        }
        int total = 0;
        int current = 0;
        for (char c : n.toCharArray()) {
            if (c == '百') {
                total += Math.max(1, current) * 100;
                current = 0;
            } else if (c == '十') {
                total += Math.max(1, current) * 10;
                current = 0;
            } else {
                current = digit(c);
            }
        }
        return total + current;
    }

    private static int digit(char c) {
        int i = DIGITS.indexOf(c);
        return switch (i) {
            case 0, 1 -> 0;
            case 2 -> 1;
            case 3, 4 -> 2;
            default -> i - 2;
        };
    }

    /** Whether the character is a Chinese character (CJK unified ideographs). */
    static boolean chinese(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
