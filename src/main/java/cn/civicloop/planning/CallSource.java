package cn.civicloop.planning;

/** Where the calls of a run come from. */
public enum CallSource {
    /** The incidents the 110 desk recorded in a period (those a unit was sent to). */
    RECORDED,
    /** A generated stream over the blocks (Poisson arrivals, hot spots at the blocks' centres): for too short a record. */
    GENERATED
}
