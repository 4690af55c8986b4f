package cn.civicloop.evaluation;

/**
 * What is scored: the holder of the case at the event (department, linked agency, unit) or the place of the case
 * (street, grid), or, for the road system (路长制), the road area and the road chief.
 */
public enum SubjectKind {
    /** 一级承办单位: the department holding the case at the event. */
    DEPARTMENT("department_id"),
    /**
     * 110 社会联动单位: the department holding a case the 110 desk handed over (社会联动分流) at the event, ranked
     * among the linked agencies on those cases only (the same facts count for {@link #DEPARTMENT} too).
     */
    LINKAGE("department_id"),
    /** 二级承办单位: the unit of the department holding the case at the event. */
    UNIT("unit_id"),
    /** 街道/镇 where the appeal is located. */
    STREET("street_code"),
    /** 网格 where the appeal is located. */
    GRID("grid_code"),
    /** 路段片区: the road area of a whistle or of a road issue (路长制), scored on the road system's facts only. */
    ROAD_AREA("road_area_code"),
    /** 路长: the chief holding a road issue in a round, scored on his answers within the round's limit. */
    ROAD_CHIEF("road_chief_id"),
    /**
     * 块区: the police block of an incident (110 接处警), scored on the incidents cleared with a unit on scene within
     * the priority's target; the median and p90 of the seconds to scene are kept beside the scores.
     */
    POLICE_BLOCK("police_block_code");

    /** Whose facts a kind is scored on. */
    public enum Side {
        /** The cases of the governance loop (12345). */
        CASES,
        /** The road system (路长制): whistles and chiefs' rounds. */
        ROADS,
        /** The 110 service: cleared incidents. */
        POLICE
    }

    private final String column;

    SubjectKind(String column) {
        this.column = column;
    }

    /** Whose facts the kind is scored on. */
    public Side side() {
        return road() ? Side.ROADS : this == POLICE_BLOCK ? Side.POLICE : Side.CASES;
    }

    /** The fact table's column naming the subject (fixed names, never user input). */
    public String column() {
        return column;
    }

    /** Whether the kind is scored on the road system's facts (whistles, chiefs' answers), not on cases. */
    public boolean road() {
        return this == ROAD_AREA || this == ROAD_CHIEF;
    }

    /** Whether the subject's key is a directory id (a number), else a place code. */
    public boolean numericKey() {
        return column.endsWith("_id");
    }
}
