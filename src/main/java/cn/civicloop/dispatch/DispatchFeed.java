package cn.civicloop.dispatch;

import java.util.Map;

/**
 * Pushes what changed to the desks, the command maps and the units' phones at once, on every instance of the
 * cluster (through {@code cluster.ClusterSignals}: PostgreSQL LISTEN/NOTIFY, in process on H2).
 * Events are published after the changing transaction committed; keep their data to ids and short texts (a signal
 * is at most 7000 bytes); a client that reconnects fetches the state again.
 */
public interface DispatchFeed {

    /** To every desk and command map. */
    void toCentre(String kind, Map<String, Object> data);

    /** To the terminal of one unit. */
    void toUnit(String unitCode, String kind, Map<String, Object> data);
}
