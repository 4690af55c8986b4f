package cn.civicloop.cases.web.pages;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseQueries.CaseFilter;
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
            @RequestParam(required = false) Long department, @RequestParam(required = false) String street, Model model) {
        fill(new Criteria(queue, status, q, page, department, street), model);
        model.addAttribute("queues", Queues.of(Actors.current()));
        model.addAttribute("statuses", CaseStatus.values());
        return "cases/cases";
    }

    /** The list alone, for htmx polling and filtering. */
    @GetMapping("/workbench/cases/list")
    String list(@RequestParam(required = false) String queue, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Long department, @RequestParam(required = false) String street, Model model) {
        fill(new Criteria(queue, status, q, page, department, street), model);
        return "cases/cases :: list";
    }

    /** What the list was asked for; department and street come from the dashboard's drill-down. */
    record Criteria(String queue, String status, String text, int page, Long department, String street) {
    }

    private void fill(Criteria c, Model model) {
        String statusName = c.status();
        String text = c.text();
        int page = c.page();
        String street = c.street() == null || c.street().isBlank() ? null : c.street().strip();
        boolean drillDown = c.department() != null || street != null;
        Actor actor = Actors.current();
        Queues.Queue queue = Queues.find(actor, c.queue() == null && drillDown ? "all" : c.queue());
        CaseStatus status = parse(statusName);
        if (status == null) {
            status = queue.status();
        }
        String q = text == null || text.isBlank() ? null : text.strip();
        int p = Math.max(page, 0);
        CaseQueries.CasePage cases = queries.list(new CaseFilter(status, c.department(), null, street, q, p, PAGE_SIZE), actor);
        model.addAttribute("actor", actor);
        model.addAttribute("queue", queue);
        model.addAttribute("status", parse(statusName));
        model.addAttribute("q", q);
        model.addAttribute("department", c.department());
        model.addAttribute("street", street);
        model.addAttribute("cases", cases);
        model.addAttribute("pages", Math.max(1, (cases.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("now", clock.instant());
        // triage suggestions are the district centre's: shown in its dispatch queue (see triage.web)
        model.addAttribute("hints", "dispatch".equals(queue.key()) && actor.districtWide());
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
