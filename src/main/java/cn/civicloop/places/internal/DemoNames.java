package cn.civicloop.places.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Invented names for the demo gazetteer: two syllables from fixed lists and a generic ending, never the same name
 * twice in one gazetteer (a name must identify its place).
 */
final class DemoNames {

    private static final String FIRST = "君荣福惠金翠锦阳凤泰康祥瑞鑫富盛宏嘉美怡欣春秋兰竹松梅桂星明宁丰润德馨雅逸和安"
            + "顺兴旺佳悦蓝汇";
    private static final String SECOND = "华泰和苑城都景庭湖源泉林峰岭湾阁轩宇府邸园溪桥川岸坊居园丰盛光辉晖苑熙";
    static final List<String> RESIDENTIAL_ENDINGS = List.of("花园", "小区", "家园", "新村", "公寓", "名苑", "雅居",
            "佳苑");
    static final List<String> ROAD_ENDINGS = List.of("路", "街", "大道", "东路", "西路", "北路", "南路");

    private final Random random;
    private final Set<String> taken = new HashSet<>();

    DemoNames(Random random, Set<String> reserved) {
        this.random = random;
        taken.addAll(reserved);
    }

    /** A fresh stem: two characters while they last, then three (a large city's thousands of compounds). */
    String stem() {
        for (int tries = 0; tries < 100_000; tries++) {
            String s = "" + FIRST.charAt(random.nextInt(FIRST.length())) + SECOND.charAt(random.nextInt(SECOND.length()));
            if (tries >= 2_000) {
                s += SECOND.charAt(random.nextInt(SECOND.length()));
            }
            if (s.charAt(0) != s.charAt(1) && !taken.contains(s)) {
                return s;
            }
        }
        throw new IllegalStateException("no stem left");
    }

    /** A fresh name made of a stem and one of {@code endings}; the stem is not used again. */
    String name(List<String> endings) {
        for (int tries = 0; tries < 100_000; tries++) {
            String stem = stem();
            String name = stem + endings.get(random.nextInt(endings.size()));
            if (claim(name)) {
                taken.add(stem);
                return name;
            }
        }
        throw new IllegalStateException("no name left");
    }

    /** Reserves {@code name}; false when it is taken already. */
    boolean claim(String name) {
        return taken.add(name);
    }
}
