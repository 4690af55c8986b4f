package cn.civicloop.roads.internal.whistles;

/** Where a whistle stands (stored by name in {@code roads_whistle.status}). */
public enum WhistleStatus {
    /** Blown: the named departments acknowledge, report on site and stay (事不完，人不撤). */
    OPEN,
    /** Resolved by the whistle-blower: the departments may leave and be rated. */
    RESOLVED
}
