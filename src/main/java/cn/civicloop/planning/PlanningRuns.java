package cn.civicloop.planning;

import java.util.List;
import java.util.Optional;
import cn.civicloop.shared.Phrase;

/**
 * Runs of the comparison "坐等接警 vs 动态巡处" on the district's own records: started by a member of the police
 * command, computed on a background thread (one at a time per instance, time-limited, cancellable), read by id from
 * any instance while it runs and after.
 */
public interface PlanningRuns {

    /**
     * Checks the request, fills in every default (the unit plan's units on duty and reserve, the standing
     * assumptions) and starts the run; the answer is the run as it stands (running).
     *
     * @throws PlanningRefusal                  when the request cannot be run (which field, and why)
     * @throws cn.civicloop.shared.ConflictException when this instance is already running one
     */
    RunView start(RunRequest request, String requestedBy);

    Optional<RunView> find(long id);

    /** Asks a running run to stop; the instance running it stops it within about a second. */
    RunView cancel(long id, String requestedBy);

    /** The latest runs, newest first (at most {@code limit}, never more than 50). */
    List<RunView> recent(int limit);

    /** What a new run starts from: the unit plan now and the standing assumptions. */
    PlanningDefaults defaults();

    /** The reason given when there is no run {@code id} (the API's 404, the page's notice). */
    static Phrase noSuchRun(long id) {
        return Phrase.of("problem.planning.no-such-run", "没有第 {0} 号推演。", id);
    }
}
