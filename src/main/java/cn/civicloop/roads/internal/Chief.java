package cn.civicloop.roads.internal;

/** A road chief (路长) of level 1 (district leader), 2 (squad leader) or 3 (road inspector). */
public record Chief(long id, String code, String name, int level, Long squadId, String squadName, Long areaId,
        String areaName, String phone, String username) {

    public String levelLabel() {
        return switch (level) {
            case 1 -> "一级路长";
            case 2 -> "二级路长";
            default -> "三级路长";
        };
    }
}
