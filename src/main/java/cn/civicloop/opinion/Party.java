package cn.civicloop.opinion;

/**
 * A party of a linked response (1+N): the lead department, or a partner by what it brings. Labels
 * {@code opinion.party.<NAME>} of the module's bundle.
 */
public enum Party {
    /** 牵头单位: holds the response's case and drafts the public answer. */
    LEAD,
    /** 纪委监委: officials' conduct; the topic is then seen only by the officer, the lead and this partner. */
    CONDUCT,
    /** 公安. */
    POLICE,
    /** 网信/宣传: approves the public answer. */
    ONLINE,
    /** 融媒体中心. */
    MEDIA,
    /** Any other department concerned. */
    DEPARTMENT
}
