package cn.civicloop.directory;

/** What a person may do. Staff hold one or more; a resident is anonymous and proves a case with its token. */
public enum Role {
    /** 群众 — anonymous, acts only on his own case through number + tracking token. */
    RESIDENT("群众"),
    /** 受理员·信息员 — registers appeals, reviews replies, calls back residents, closes. */
    OPERATOR("受理员·信息员"),
    /** 派遣员 — 一级 when in the district centre, 二级 when in a department (assigns to its units). */
    TRIAGE_OFFICER("派遣员"),
    /** 承办人 — signs for, handles and replies to the cases of his department or unit. */
    HANDLER("承办人"),
    /** 承办单位负责人 — like a handler, for the whole department, plus units and parking requests. */
    DEPT_HEAD("承办单位负责人"),
    /** 区领导 — reads everything, supervises. */
    LEADER("区领导"),
    /** 110接处警调度员 — takes 110/122 calls, dispatches police units, diverts non-police matters to linked agencies. */
    POLICE_DISPATCHER("110接处警调度员"),
    /** 巡逻民警 — a police unit's field terminal: receives orders, reports status and position. */
    POLICE_OFFICER("巡逻民警"),
    /** 路长 — a road chief of any level (一级 district leader, 二级 area/squad leader, 三级 road inspector). */
    ROAD_CHIEF("路长"),
    /** 网格员·驻村辅警 — reports what he sees in his grid or village through the phone pages into intake. */
    GRID_WORKER("网格员·驻村辅警"),
    /** 考评办 — the evaluation office: indicators, weights, objections, computing and publishing the periods. */
    EVALUATION_OFFICER("考评办"),
    /**
     * 系统管理员 — the system administrator (三员分立): departments, areas and configuration; no staff accounts or roles,
     * no audit, no case contents. Also named {@link #SYSTEM_ADMIN}.
     */
    ADMIN("系统管理员"),
    /** 安全管理员 — the security administrator: staff accounts, roles, unlocks, password resets; no case contents. */
    SECURITY_ADMIN("安全管理员"),
    /** 审计管理员 — reads, exports and verifies the audit log; nothing else (no case, no directory change). */
    AUDIT_ADMIN("审计管理员"),
    /**
     * Open311接入方 — an outside reporting system submitting through the Open311 server with its own api_key; never
     * held by a person, never a login.
     */
    OPEN311_CLIENT("Open311接入方"),
    /** The application itself (timers, imports). Never held by a person. */
    SYSTEM("系统"),
    /**
     * 知识库编辑 — writes the knowledge base's articles of his department; one of the district centre approves them
     * (and only approved articles are suggested).
     */
    KNOWLEDGE_EDITOR("知识库编辑"),

    /** 舆情专员 — watches online opinion: sources, imports, hot topics and their warnings. */
    OPINION_OFFICER("舆情专员"),

    /** 融媒体中心 — media supervision: watches the loop's public facts, opens and publishes supervision items. */
    MEDIA_OFFICER("融媒体中心");

    /** The system administrator of 三员分立: the role stored as {@code ADMIN}. */
    public static final Role SYSTEM_ADMIN = ADMIN;

    /** The three administrator roles of 三员分立: nobody holds two of them, nor one with any other role. */
    public static final java.util.Set<Role> ADMINISTRATORS = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(ADMIN, SECURITY_ADMIN, AUDIT_ADMIN));

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for the system, security and audit administrators. */
    public boolean administrator() {
        return ADMINISTRATORS.contains(this);
    }
}
