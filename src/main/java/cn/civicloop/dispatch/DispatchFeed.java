package cn.civicloop.dispatch;

import java.util.Map;

/**
 * Pushes what changed to the desks, the command maps and the units' phones at once. The in-process
 * implementation serves the browsers connected to this instance; a cross-instance fan-out can replace it.
 * Events are published after the changing transaction committed; a client that reconnects fetches the state again.
 */
public interface DispatchFeed {

    /** To every desk and command map. */
    void toCentre(String kind, Map<String, Object> data);

    /** To the terminal of one unit. */
    void toUnit(String unitCode, String kind, Map<String, Object> data);
}
