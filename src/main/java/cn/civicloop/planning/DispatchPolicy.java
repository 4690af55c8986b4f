package cn.civicloop.planning;

/** How idle units wait and how the dispatcher picks one. */
public enum DispatchPolicy {
    /**
     * 坐等接警: idle units wait at their block's station and drive back there after each call; the dispatcher
     * sends the call's own block's free unit first (nearest if several) and only then the nearest other free unit.
     */
    STATION,
    /**
     * 动态巡处: idle units drive random patrol routes inside their block (random waypoints, constant speed) and
     * resume patrol where they are after a call; the dispatcher sends the free unit with the shortest ETA, any block.
     */
    PATROL
}
