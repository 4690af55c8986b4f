package cn.civicloop.planning.internal.model;

/** What happens to a call that finds every unit busy. */
public enum QueueCapacity {
    /** Waits in one first-come-first-served queue of unlimited length (the usual police case). */
    INFINITE,
    /** Is lost to the system (handled elsewhere); Larson's "zero line capacity". */
    LOSS
}
