/**
 * Planning (警力部署推演) for the police command: runs the block-policing models on the district's own recorded
 * incidents and unit plan — the discrete-event simulator of "坐等接警" (waiting at the block's post) against "动态巡处"
 * (patrolling the block), and Larson's hypercube queueing model — and shows the figures side by side.
 * <p>
 * Root package = API: {@link PlanningRuns} (start, read, cancel a run), its request and answer records and
 * {@link DispatchPolicy}. {@code internal} holds the models ({@code internal.model}, pure computation) and the run
 * executor; {@code web} the page {@code /planning} and the API {@code /api/v1/planning/**}.
 * <p>
 * It reads the 110 records only through {@code dispatch}'s root API ({@link cn.civicloop.dispatch.DispatchRecords}:
 * a bounded period of incidents, the current unit plan) and never another module's tables. Runs are bounded: one at a
 * time per instance on a background thread, a time limit, cancellable; their parameters and figures are kept in the
 * module's own table {@code planning_run} so that any instance of a cluster answers a poll (ADR 0013).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning (警力部署推演)",
        allowedDependencies = {"shared", "dispatch", "directory"})
package cn.civicloop.planning;
