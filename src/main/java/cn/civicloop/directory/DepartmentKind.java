package cn.civicloop.directory;

/** Kinds of handling organisation (承办单位). */
public enum DepartmentKind {
    /** 区社会治理服务中心: the 12345 hotline and dispatch centre; its staff act district-wide. */
    CENTRE("指挥中心"),
    /** 区直职能部门. */
    FUNCTIONAL("职能部门"),
    /** 街道办事处 / 镇政府: the territorial owner (属地). */
    STREET("街道/镇"),
    /** A unit inside a department or street (二级单位: 中队, 所, 社区居委会). */
    UNIT("二级单位"),
    /** Insurance company seated in the 110 social-linkage centre (minor traffic accidents). */
    INSURER("保险公司");

    private final String label;

    DepartmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
