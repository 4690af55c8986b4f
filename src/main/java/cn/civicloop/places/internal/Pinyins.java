package cn.civicloop.places.internal;

import java.util.List;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

/**
 * The toneless pinyin of each character (HanLP's dictionary, polyphones read in their context), and a coarser key
 * that merges the sounds people confuse (zh/z, ch/c, sh/s, n/l, -ang/-an, -eng/-en, -ing/-in): the homophones and
 * near-homophones of a road name typed from hearing it.
 */
final class Pinyins {

    private Pinyins() {
    }

    /** One syllable per character; a character without pinyin keeps itself. */
    static String[] of(String text) {
        List<Pinyin> list = HanLP.convertToPinyinList(text);
        String[] out = new String[text.length()];
        for (int i = 0; i < out.length; i++) {
            Pinyin p = i < list.size() ? list.get(i) : Pinyin.none5;
            out[i] = p == Pinyin.none5 || !AddressText.chinese(text.charAt(i)) ? String.valueOf(text.charAt(i))
                    : p.getPinyinWithoutTone();
        }
        return out;
    }

    private static final java.util.Map<String, String> FUZZY = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The coarse key of a syllable: the confusable sounds merged. Kept per syllable (a few hundred): it is asked for
     * every character of every text looked up.
     */
    static String fuzzy(String syllable) {
        return FUZZY.computeIfAbsent(syllable, Pinyins::merge);
    }

    private static String merge(String syllable) {
        String s = syllable;
        if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) {
            s = s.charAt(0) + s.substring(2);
        } else if (s.startsWith("l")) {
            s = "n" + s.substring(1);
        }
        if (s.endsWith("ang") || s.endsWith("eng") || s.endsWith("ing")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
