package cn.civicloop.planning;

/** Where a run stands. */
public enum RunStatus {
    RUNNING,
    DONE,
    /** Stopped by an error of the models or the data; the run's error says which. */
    FAILED,
    CANCELLED,
    /** Stopped at the time limit ({@code civicloop.planning.time-limit}). */
    TIMED_OUT,
    /** The instance running it stopped before it finished. */
    ABANDONED;

    public boolean finished() {
        return this != RUNNING;
    }
}
