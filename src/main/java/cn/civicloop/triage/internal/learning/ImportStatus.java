package cn.civicloop.triage.internal.learning;

/** Where an upload of historical work orders stands; only DONE uploads feed training. */
public enum ImportStatus {
    CREATED, RUNNING, DONE, REFUSED, CANCELLED, FAILED;

    boolean ended() {
        return this != CREATED && this != RUNNING;
    }
}
