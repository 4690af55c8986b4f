package cn.civicloop.opinion.internal;

import java.util.List;

/**
 * Sentiment by dictionary (情感倾向): a post is negative when its title and text hold at least two distinct words of
 * this list. One word is often just the name of the problem ("噪音", "停水") in a calm question; two mean the writer
 * complains. The list is ours, written for residents' posts about local matters; it is deliberately short, so the
 * negative share of a topic is a coarse signal for ranking, not a verdict on a person.
 */
final class NegativeWords {

    private static final List<String> WORDS = List.of(
            "扰民", "噪音", "吵", "污染", "臭", "灰尘", "扬尘", "油烟", "投诉", "举报", "欺诈", "诈骗", "欺骗", "坑害",
            "违法", "违规", "违建", "非法", "强制", "霸王", "捆绑", "拖欠", "不退", "乱收费", "不合理", "不作为", "推诿",
            "敷衍", "无人管", "没人管", "不管", "严重", "危害", "隐患", "危险", "恶意", "黑心", "愤怒", "失望", "寒心",
            "无奈", "痛苦", "受不了", "忍无可忍", "烦", "难", "差", "乱", "堵", "停水", "停电", "漏水", "开裂", "粗暴",
            "腐败", "保护伞", "维权", "欺压", "威胁", "不公", "不公平", "迟迟", "拖延", "何时", "到底", "为什么");

    private NegativeWords() {
    }

    static boolean negative(String title, String detail) {
        String text = (title == null ? "" : title) + "\n" + (detail == null ? "" : detail);
        int found = 0;
        for (String word : WORDS) {
            if (text.contains(word) && ++found >= 2) {
                return true;
            }
        }
        return false;
    }
}
