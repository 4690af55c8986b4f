package cn.civicloop.cases.web.pages;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseQueries.CaseFilter;
import cn.civicloop.cases.CaseQueries.Work;
import cn.civicloop.cases.CaseStatistics;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.directory.Actor;
import cn.civicloop.security.Actors;

/**
 * The staff workbench's case lists (owner: any staff; each sees only what {@link CaseQueries} lets him see):
 * role-aware queues, filter by status and text, newest first, paginated; the list refreshes itself.
 */
@Controller
class WorkbenchPageController {

    static final int PAGE_SIZE = 20;

    private final CaseQueries queries;
    private final Clock clock;

    WorkbenchPageController(CaseQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/workbench/cases")
    String page(@RequestParam(required = false) String queue, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String department, @RequestParam(required = false) String street,
            @RequestParam(required = false) String figure, Model model) {
        fill(new Criteria(queue, status, q, page, department, street, figure), model);
        model.addAttribute("queues", Queues.of(Actors.current()));
        model.addAttribute("statuses", CaseStatus.values());
        return "cases/cases";
    }

    /** The list alone, for htmx polling and filtering. */
    @GetMapping("/workbench/cases/list")
    String list(@RequestParam(required = false) String queue, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String department, @RequestParam(required = false) String street,
            @RequestParam(required = false) String figure, Model model) {
        fill(new Criteria(queue, status, q, page, department, street, figure), model);
        return "cases/cases :: list";
    }

    /**
     * What the list was asked for. Department and street come from the dashboard's drill-down, with the figure that
     * was clicked: then the list is that figure's cases ({@link CaseStatistics.Slice}), and {@code none} stands for
     * the bar of cases without a department or a street.
     */
    record Criteria(String queue, String status, String text, int page, String department, String street,
            String figure) {
    }

    private void fill(Criteria c, Model model) {
        String statusName = c.status();
        String text = c.text();
        int page = c.page();
        String department = blankToNull(c.department());
        String street = blankToNull(c.street());
        CaseStatistics.Figure figure = figure(c.figure());
        boolean drillDown = department != null || street != null || figure != null;
        Actor actor = Actors.current();
        Queues.Queue queue = Queues.find(actor, c.queue() == null && drillDown ? "all" : c.queue());
        CaseStatus status = parse(statusName);
        boolean ownPart = false;
        Work work = Work.ANY;
        if (status == null && figure == null) {
            status = queue.status();
            ownPart = queue.ownPart();
            work = queue.work();
        }
        String q = text == null || text.isBlank() ? null : text.strip();
        if (q != null) {
            work = Work.ANY; // a search finds a closed case too (number, phone and terms are indexed lookups)
        }
        int p = Math.max(page, 0);
        CaseFilter filter;
        if (figure != null) {
            CaseStatistics.Slice slice = department != null
                    ? new CaseStatistics.Slice(figure, CaseStatistics.Breakdown.DEPARTMENT, none(department), clock.instant())
                    : street != null
                            ? new CaseStatistics.Slice(figure, CaseStatistics.Breakdown.STREET, none(street), clock.instant())
                            : new CaseStatistics.Slice(figure, CaseStatistics.Breakdown.ALL, null, clock.instant());
            filter = new CaseFilter(status, null, null, null, q, p, PAGE_SIZE, slice, false);
        } else {
            filter = new CaseFilter(status, departmentId(department), null, street, q, p, PAGE_SIZE, null, ownPart,
                    work, null);
        }
        CaseQueries.CasePage cases = queries.list(filter, actor);
        model.addAttribute("figure", figure);
        model.addAttribute("actor", actor);
        model.addAttribute("queue", queue);
        model.addAttribute("status", parse(statusName));
        model.addAttribute("q", q);
        model.addAttribute("department", department);
        model.addAttribute("street", street);
        model.addAttribute("cases", cases);
        // page numbers stay within the counted window (at most CasePage.COUNT_LIMIT cases)
        model.addAttribute("pages", Math.max(1, (cases.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("now", clock.instant());
        // triage suggestions are the district centre's: shown in its dispatch queue (see triage.web)
        model.addAttribute("hints", "dispatch".equals(queue.key()) && actor.districtWide());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The key of a bar; {@code none} is the bar of cases without one. */
    private static String none(String key) {
        return "none".equals(key) ? null : key;
    }

    private static Long departmentId(String key) {
        try {
            return key == null ? null : Long.valueOf(key);
        } catch (NumberFormatException e) {
            return -1L; // no such department: nothing listed rather than everything
        }
    }

    private static CaseStatistics.Figure figure(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return CaseStatistics.Figure.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static CaseStatus parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
