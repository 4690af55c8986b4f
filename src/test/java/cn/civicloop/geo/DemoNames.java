package cn.civicloop.geo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Invented names for demo communities and villages: plausible for a north-Chinese district, unique across the file,
 * and not taken from any list of real 居委会/村委会, so nobody mistakes the demo for real boundaries.
 */
final class DemoNames {

    private static final List<String> COMMUNITY_STEMS = List.of(
            "建华", "新华", "振兴", "和平", "民主", "青檀", "解放", "胜利", "健康", "向阳",
            "红旗", "幸福", "育才", "东风", "永兴", "太平", "君山", "金山", "长青", "锦华",
            "安居", "丰收", "华山", "富民", "惠民", "振华", "康乐", "迎宾", "鑫源", "滨河",
            "沁园", "枣园", "榴园", "泰和", "光华", "文昌", "新村", "春晖", "明德", "汇通",
            "兴隆", "祥和", "翠屏", "东湖", "西城", "南苑", "北辰", "福泰", "荣华", "瑞丰");

    private static final List<String> SURNAMES = List.of(
            "张", "李", "王", "刘", "陈", "杨", "赵", "孙", "吴", "徐", "马", "朱", "胡", "郭", "何",
            "高", "林", "梁", "宋", "郑", "韩", "唐", "冯", "于", "董", "程", "曹", "袁", "许", "邵",
            "褚", "颜", "孔", "孟", "邢", "甘", "贾", "丁", "魏", "薛");
    private static final List<String> PLACE_SUFFIXES = List.of(
            "庄", "楼", "屯", "洼", "坡", "店", "营", "岭", "峪", "沟", "湖", "家庄", "官庄", "圩子");
    private static final List<String> DIRECTIONS = List.of("", "", "", "前", "后", "东", "西", "南", "北", "大", "小");

    private final List<String> communityStems;
    private final Set<String> villages = new LinkedHashSet<>();
    private final Random random;
    private int nextCommunity;

    DemoNames(Random random) {
        this.random = random;
        List<String> stems = new ArrayList<>(COMMUNITY_STEMS);
        Collections.shuffle(stems, random);
        this.communityStems = stems;
    }

    /** "建华社区", never the same twice. */
    String community() {
        if (nextCommunity == communityStems.size()) {
            throw new IllegalStateException("ran out of community names; add stems to DemoNames");
        }
        return communityStems.get(nextCommunity++) + "社区";
    }

    /** "前张庄村", never the same twice. */
    String village() {
        while (true) {
            String name = pick(DIRECTIONS) + pick(SURNAMES) + pick(PLACE_SUFFIXES) + "村";
            if (villages.add(name)) {
                return name;
            }
        }
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
