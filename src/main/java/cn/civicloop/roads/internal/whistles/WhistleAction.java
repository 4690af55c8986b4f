package cn.civicloop.roads.internal.whistles;

/** What the people of a whistle do on it after it is blown. */
public enum WhistleAction {
    /** A named department acknowledges (响应). */
    ACKNOWLEDGE,
    /** A named department reports on site (报到); an acknowledgement too if it had not acknowledged. */
    REPORT,
    /** A consultation note (会商) by the whistle-blower or a named department. */
    NOTE,
    /** A named department leaves. */
    RELEASE,
    /** The whistle-blower resolves the matter. */
    RESOLVE,
    /** The whistle-blower rates a department that reported on site. */
    RATE
}
