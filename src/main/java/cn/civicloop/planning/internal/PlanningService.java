package cn.civicloop.planning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import cn.civicloop.dispatch.DispatchRecords;
import cn.civicloop.dispatch.RecordedIncidents;
import cn.civicloop.dispatch.UnitPlan;
import cn.civicloop.planning.CallSource;
import cn.civicloop.planning.Comparison;
import cn.civicloop.planning.PlanningDefaults;
import cn.civicloop.planning.PlanningRuns;
import cn.civicloop.planning.RunRequest;
import cn.civicloop.planning.RunStatus;
import cn.civicloop.planning.RunView;
import cn.civicloop.planning.internal.model.Call;
import cn.civicloop.planning.internal.model.CallGenerator;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts, reads and stops runs. The request thread checks the request and reads the calls (one bounded read of the
 * dispatch records, so an empty period is refused at once); the models run on {@link RunWorker}'s thread.
 */
@Service
@EnableConfigurationProperties(PlanningProperties.class)
class PlanningService implements PlanningRuns {

    /** A run still RUNNING this long after its time limit lost its instance. */
    private static final Duration ABANDON_GRACE = Duration.ofMinutes(1);

    private final DispatchRecords records;
    private final PlanningProperties properties;
    private final RunStore store;
    private final RunWorker worker;
    private final JsonMapper json;
    private final Clock clock;

    PlanningService(DispatchRecords records, PlanningProperties properties, RunStore store, RunWorker worker,
            JsonMapper json, Clock clock) {
        this.records = records;
        this.properties = properties;
        this.store = store;
        this.worker = worker;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public RunView start(RunRequest request, String requestedBy) {
        UnitPlan plan = records.unitPlan();
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.ZONE));
        RunRequest complete = RunChecks.complete(request, plan, properties, today);
        BlockPlane plane = BlockPlane.of(plan, properties.cellKm());
        int[] units = plan.blocks().stream().mapToInt(b -> complete.unitsPerBlock().get(b.code())).toArray();
        List<Call> calls;
        Comparison.Stream stream;
        Comparison.RecordedFigures recorded = null;
        if (complete.source() == CallSource.RECORDED) {
            RecordedIncidents read = records.incidentsReceived(complete.from().atStartOfDay(DistrictTime.ZONE).toInstant(),
                    complete.to().plusDays(1).atStartOfDay(DistrictTime.ZONE).toInstant(), properties.maxIncidents());
            RecordedStream s = RecordedStream.of(read.incidents(), plane);
            if (s.calls().size() < properties.minIncidents()) {
                throw s.calls().isEmpty()
                        ? RunChecks.refuse("from", "period-empty", "所选时段没有已派警的警情记录，可改用生成的警情。")
                        : RunChecks.refuse("from", "period-few",
                                "所选时段只有 {0} 起已派警的警情，至少需要 {1} 起；可延长时段或改用生成的警情。",
                                s.calls().size(), properties.minIncidents());
            }
            calls = s.calls();
            recorded = s.recorded();
            double hours = Duration.between(s.firstCall(), s.lastCall()).toSeconds() / 3600.0;
            stream = new Comparison.Stream(CallSource.RECORDED, calls.size(), s.excluded(), read.more(),
                    properties.maxIncidents(), s.onSceneAssumed(), s.firstCall(), s.lastCall(), hours,
                    hours > 0 ? calls.size() / hours : 0, plane.areaKm2(), sum(units), complete.reservePerBlock());
        } else {
            double hours = complete.days() * 24.0;
            calls = CallGenerator.generate(plane.cells(), plane.hotSpots(), complete.callsPerHour(), hours, complete.seed());
            stream = new Comparison.Stream(CallSource.GENERATED, calls.size(), 0, false, properties.generated().maxCalls(),
                    0, null, null, hours, calls.size() / hours, plane.areaKm2(), sum(units), complete.reservePerBlock());
        }
        ComparisonRun.Input input = new ComparisonRun.Input(plane, calls, units, complete.reservePerBlock(),
                complete.assumptions(), complete.hypercube(), complete.seed());
        Comparison.Stream s = stream;
        Comparison.RecordedFigures r = recorded;
        long id = worker.start(requestedBy, json.writeValueAsString(complete), () -> ComparisonRun.run(input, s, r),
                json::writeValueAsString);
        return find(id).orElseThrow();
    }

    @Override
    public Optional<RunView> find(long id) {
        return store.get(id).map(this::abandonedIfLost).map(this::view);
    }

    @Override
    public RunView cancel(long id, String requestedBy) {
        RunStore.StoredRun run = store.get(id).orElseThrow(() -> new NotFoundException(PlanningRuns.noSuchRun(id)));
        if (run.status().finished() || !store.requestCancel(id, requestedBy)) {
            throw new ConflictException(Phrase.of("problem.planning.finished", "第 {0} 号推演已结束。", id));
        }
        worker.stopIfHere(id);
        return find(id).orElseThrow();
    }

    @Override
    public List<RunView> recent(int limit) {
        return store.recent(Math.max(1, Math.min(50, limit))).stream().map(this::abandonedIfLost).map(this::view).toList();
    }

    @Override
    public PlanningDefaults defaults() {
        return new PlanningDefaults(records.unitPlan(), properties.assumptions().asRequest(),
                properties.generated().callsPerHour(), properties.generated().days(), properties.periodDays(),
                properties.maxPeriodDays(), properties.maxIncidents(), properties.minIncidents(),
                properties.exactMaxUnits(), properties.seed());
    }

    /** A run left RUNNING by an instance that stopped: past its time limit and not running here. */
    private RunStore.StoredRun abandonedIfLost(RunStore.StoredRun run) {
        Instant lostAfter = clock.instant().minus(properties.timeLimit()).minus(ABANDON_GRACE);
        if (run.status() == RunStatus.RUNNING && run.startedAt().isBefore(lostAfter) && !worker.runsHere(run.id())
                && store.finish(run.id(), RunStatus.ABANDONED, clock.instant(), null, null)) {
            return store.get(run.id()).orElse(run);
        }
        return run;
    }

    private RunView view(RunStore.StoredRun run) {
        return new RunView(run.id(), run.status(), run.requestedBy(), run.requestedAt(), run.startedAt(),
                run.finishedAt(), run.cancelledBy(), json.readValue(run.parameters(), RunRequest.class),
                run.result() == null ? null : json.readValue(run.result(), Comparison.class), run.error());
    }

    private static int sum(int[] values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }
}
