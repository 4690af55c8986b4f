package cn.civicloop.opinion.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.calendar.BusinessCalendar;
import cn.civicloop.calendar.TimeLimit;
import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.NewAppeal;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.cases.Urgency;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.opinion.Party;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;

/**
 * The "1+N" linked response to a topic (ADR 0035). It is carried by a case of the cases module: the lead department
 * holds it, each partner is a co-handler with its own task there, and each reply is the case's reply or co-reply,
 * so deadlines, reminders, queues and the timeline are those of every case. This module adds each party's task
 * text and deadline on the business calendar, the restriction of a conduct topic, and the public answer.
 */
@Service
public class LinkedResponses {

    /**
     * The task of a partner added on the case page without a note: kept so (the column holds a task), shown by the
     * page as {@code opinion.task.stock} in the reader's language.
     */
    static final String STOCK_TASK = "协同处置本话题";

    /** A partner as the officer names it. */
    public record Partner(long departmentId, String task) {
    }

    /** What the officer opens. */
    public record Opening(long leadDepartmentId, String leadTask, List<Partner> partners, Integer workingDays) {
    }

    /** A party's task with its state read from the case. */
    public record TaskView(long departmentId, String departmentName, Party party, String task, Instant dueAt,
            String state, String reply, Instant repliedAt) {
    }

    /** A response as its page shows it. */
    public record View(long id, String topicId, String caseNumber, CaseStatus caseStatus, boolean conduct,
            Instant openedAt, List<TaskView> tasks, String answerText, String answerStatus, String answerUrl,
            int version, List<ResponseLog.Entry> log) {
    }

    private final Responses responses;
    private final ResponseLog log;
    private final TopicBoard board;
    private final CaseManagement cases;
    private final CaseQueries caseQueries;
    private final Directory directory;
    private final BusinessCalendar calendar;
    private final ResponseProperties settings;
    private final Clock clock;

    LinkedResponses(Responses responses, ResponseLog log, TopicBoard board, CaseManagement cases,
            CaseQueries caseQueries, Directory directory, BusinessCalendar calendar, ResponseProperties settings,
            Clock clock) {
        this.responses = responses;
        this.log = log;
        this.board = board;
        this.cases = cases;
        this.caseQueries = caseQueries;
        this.directory = directory;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Opens the response: a case for the topic (channel 网络舆情), registered and assigned to the lead, each partner
     * added as its co-handler, all in one transaction. The officer holds no operator or dispatcher role: the case
     * steps are taken by the application on his word ({@link #onTheWordOf}), and the case's timeline names him.
     */
    @Transactional
    public View open(String topicId, Opening opening, Actor officer) {
        TopicBoard.TopicRow topic = board.topic(topicId).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.opinion.topic-unknown", "没有话题 {0}", topicId)));
        if (responses.ofTopic(topicId).isPresent()) {
            throw new ConflictException(Phrase.of("problem.opinion.response-exists", "话题 {0} 已有联动处置", topicId));
        }
        Department lead = department(opening.leadDepartmentId(), "leadDepartmentId");
        String leadTask = required(opening.leadTask(), "leadTask");
        List<Partner> partners = opening.partners() == null ? List.of() : opening.partners();
        Set<Long> seen = new LinkedHashSet<>(List.of(lead.id()));
        for (int i = 0; i < partners.size(); i++) {
            Partner p = partners.get(i);
            department(p.departmentId(), "partners[" + i + "].departmentId");
            required(p.task(), "partners[" + i + "].task");
            if (!seen.add(p.departmentId())) {
                throw new InvalidInputException("partners[" + i + "].departmentId", Phrase.of(
                        "problem.opinion.partner-twice", "同一单位只能参与一次"));
            }
        }
        boolean conduct = partners.stream().anyMatch(p -> party(p.departmentId()) == Party.CONDUCT);
        if (conduct && partners.stream().anyMatch(p -> party(p.departmentId()) != Party.CONDUCT)) {
            throw new InvalidInputException("partners", Phrase.of("problem.opinion.conduct-alone",
                    "涉及干部作风的话题只与纪委监委联动，不另设其他协同单位"));
        }
        int days = opening.workingDays() == null ? settings.workingDays() : opening.workingDays();
        if (days < 0 || days > 60) {
            throw new InvalidInputException("workingDays", Phrase.of("problem.opinion.working-days",
                    "办理时限为 0 至 60 个工作日"));
        }
        Instant now = clock.instant();
        Instant due = calendar.deadline(now, TimeLimit.workingDays(days));

        OpenedCase opened = cases.open(appeal(topic, leadTask), officer);
        // steps the case's timeline names in the reader's language (StepRemark); the lead's task as it was written
        List<CaseCommand> steps = new ArrayList<>();
        if (opened.status() == CaseStatus.SUBMITTED) {
            steps.add(new CaseCommand.Register(StepRemark.of(StepRemark.Kind.OPINION_RESPONSE, null, topicId,
                    officer.displayName()).stored()));
        }
        steps.add(new CaseCommand.Assign(lead.id(), null, StepRemark.of(StepRemark.Kind.OPINION_RESPONSE, leadTask,
                topicId, officer.displayName(), StepRemark.LEAD).stored()));
        partners.forEach(p -> steps.add(new CaseCommand.AddCoHandler(p.departmentId(), p.task())));
        cases.act(opened.number(), onTheWordOf(officer), steps.toArray(CaseCommand[]::new));

        long id = responses.insert(topicId, opened.number(), lead.id(), conduct, officer.username(), now);
        responses.addTask(id, new Responses.Task(lead.id(), Party.LEAD, leadTask, due));
        partners.forEach(p -> responses.addTask(id, new Responses.Task(p.departmentId(), party(p.departmentId()),
                p.task().strip(), due)));
        log.add(id, officer, "OPEN", lead.name() + "：" + leadTask);
        partners.forEach(p -> log.add(id, officer, "PARTNER", directory.department(p.departmentId())
                .map(Department::name).orElse("") + "：" + p.task().strip()));
        return view(topicId).orElseThrow();
    }

    /**
     * A party's reply: the lead's is the case's reply (signed first if need be; the case refuses it while a partner
     * has not replied), a partner's is its co-reply (co-signed first if need be).
     */
    @Transactional
    public View reply(String topicId, String text, Actor actor) {
        Responses.Row row = row(topicId);
        String reply = required(text, "text");
        Responses.Task task = taskOf(row, actor).orElseThrow(() -> new ForbiddenException(Phrase.of(
                "problem.opinion.not-a-party", "您的单位不是本次联动处置的参与单位")));
        CaseView c = caseQueries.view(row.caseNumber(), Actor.system());
        List<CaseCommand> steps = new ArrayList<>();
        if (task.party() == Party.LEAD) {
            if (c.status() == CaseStatus.ASSIGNED) {
                steps.add(new CaseCommand.Sign(null));
            }
            steps.add(new CaseCommand.Reply(reply, List.of()));
        } else {
            boolean signed = c.coHandlers().stream().anyMatch(t -> t.departmentId() == task.departmentId()
                    && !"ASSIGNED".equals(t.status()));
            if (!signed) {
                steps.add(new CaseCommand.CoSign(null));
            }
            steps.add(new CaseCommand.CoReply(reply, List.of()));
        }
        cases.act(row.caseNumber(), actor, steps.toArray(CaseCommand[]::new));
        log.add(row.id(), actor, "REPLY", reply);
        return view(topicId).orElseThrow();
    }

    /**
     * Merges a case of the topic (a duplicate report of the same issue) into the response's case; the step is the
     * application's, on the officer's word, under his name on the timeline and in the log.
     */
    @Transactional
    public View mergeCase(String topicId, String number, Actor officer) {
        Responses.Row row = row(topicId);
        boolean ofTopic = board.cases(topicId, 200).stream().anyMatch(c -> c.number().equals(number));
        if (!ofTopic) {
            throw new InvalidInputException("number", Phrase.of("problem.opinion.case-not-in-topic",
                    "工单 {0} 不属于本话题", number));
        }
        // no note: the entry names the officer, the case merged into is the topic's (whose timeline names the topic)
        cases.act(number, onTheWordOf(officer), new CaseCommand.Merge(row.caseNumber(), null));
        log.add(row.id(), officer, "MERGE", number + " → " + row.caseNumber());
        return view(topicId).orElseThrow();
    }

    /**
     * Gives a task to each co-handler added to a response's case after the opening (the case page's 增加协办单位):
     * the note written when adding it is the task (else a stock one), the deadline is {@code response.working-days}
     * working days after the step, the log names who added it. A department that has a task keeps it. A response
     * about officials' conduct takes no other partner: a department added there stays the case's co-handler only,
     * without a task, and the topic stays hidden from it.
     *
     * @return the departments that got a task
     */
    @Transactional
    public List<Long> adoptAddedPartners(String caseNumber) {
        Responses.Row row = responses.ofCase(caseNumber).orElse(null);
        if (row == null) {
            return List.of();
        }
        Set<Long> tasked = new java.util.HashSet<>();
        responses.tasks(row.id()).forEach(t -> tasked.add(t.departmentId()));
        CaseView c = caseQueries.view(caseNumber, Actor.system());
        List<cn.civicloop.cases.TimelineEntry> timeline = caseQueries.timeline(caseNumber, Actor.system());
        List<Long> added = new ArrayList<>();
        for (CaseView.CoTaskView co : c.coHandlers()) {
            if (tasked.contains(co.departmentId()) || "RELEASED".equals(co.status())) {
                continue;
            }
            Party party = party(co.departmentId());
            if (row.conduct() && party != Party.CONDUCT) {
                continue;
            }
            cn.civicloop.cases.TimelineEntry step = timeline.stream()
                    .filter(e -> e.action() == cn.civicloop.cases.CaseAction.ADD_CO_HANDLER)
                    .filter(e -> e.departmentId() != null && e.departmentId() == co.departmentId())
                    .reduce((first, second) -> second).orElse(null);
            Instant at = step == null ? clock.instant() : step.at();
            String task = step == null || step.reason() == null || step.reason().isBlank() ? STOCK_TASK
                    : step.reason().strip();
            if (task.length() > 1000) {
                task = task.substring(0, 1000);
            }
            Instant due = calendar.deadline(at, TimeLimit.workingDays(settings.workingDays()));
            if (responses.addTaskIfMissing(row.id(), new Responses.Task(co.departmentId(), party, task, due))) {
                String username = step == null ? ResponseLog.SYSTEM : "cases";
                String who = step == null ? ResponseLog.SYSTEM : step.actorName();
                String department = directory.department(co.departmentId()).map(Department::name).orElse("");
                log.add(row.id(), username, who, "PARTNER", STOCK_TASK.equals(task) ? department : department + "：" + task);
                added.add(co.departmentId());
            }
        }
        return added;
    }

    /**
     * The officer's word carried out by the application: the steps he may not take himself (he holds no operator
     * or dispatcher role) are the application's to take, and the case's timeline records them under his name.
     */
    static Actor onTheWordOf(Actor officer) {
        java.util.EnumSet<cn.civicloop.directory.Role> roles = java.util.EnumSet.of(cn.civicloop.directory.Role.SYSTEM);
        roles.addAll(officer.roles());
        return new Actor(officer.staffId(), officer.username(), officer.displayName(), roles, officer.departmentId(),
                officer.districtWide());
    }

    public Optional<View> view(String topicId) {
        return responses.ofTopic(topicId).map(this::view);
    }

    /** A task as someone wrote it; null for the stock one, which the page names in its language. */
    private static String written(String task) {
        return STOCK_TASK.equals(task) ? null : task;
    }

    private View view(Responses.Row row) {
        CaseView c = caseQueries.view(row.caseNumber(), Actor.system());
        List<TaskView> tasks = new ArrayList<>();
        for (Responses.Task t : responses.tasks(row.id())) {
            String name = directory.department(t.departmentId()).map(Department::name).orElse("");
            if (t.party() == Party.LEAD) {
                tasks.add(new TaskView(t.departmentId(), name, t.party(), written(t.task()), t.dueAt(), c.status().name(),
                        c.replyText(), null));
            } else {
                CaseView.CoTaskView co = c.coHandlers().stream().filter(x -> x.departmentId() == t.departmentId())
                        .findFirst().orElse(null);
                tasks.add(new TaskView(t.departmentId(), name, t.party(), written(t.task()), t.dueAt(),
                        co == null ? "RELEASED" : co.status(), co == null ? null : co.replyText(),
                        co == null ? null : co.repliedAt()));
            }
        }
        return new View(row.id(), row.topicId(), row.caseNumber(), c.status(), row.conduct(), row.openedAt(), tasks,
                row.answerText(), row.answerStatus(), row.answerUrl(), row.version(), log.of(row.id()));
    }

    /** The part the actor's department plays in the topic's response, if any. */
    public Optional<Party> partyOf(String topicId, Actor actor) {
        return responses.ofTopic(topicId).flatMap(row -> taskOf(row, actor)).map(Responses.Task::party);
    }

    /** The top-level departments a response may name as lead or partner, by name. */
    public List<Department> departments() {
        return directory.departments().stream().filter(Department::active).filter(d -> d.parentId() == null)
                .filter(d -> d.kind() != cn.civicloop.directory.DepartmentKind.CENTRE)
                .sorted(java.util.Comparator.comparing(Department::code)).toList();
    }

    /** The standing partners' departments as configured, those the directory knows. */
    public List<Department> standingPartners() {
        return java.util.stream.Stream.of(settings.conductDepartment(), settings.policeDepartment(),
                settings.onlineDepartment(), settings.mediaDepartment())
                .map(directory::departmentByCode).flatMap(Optional::stream).toList();
    }

    /** The party {@code actor}'s department (or the department of his unit) is in the response, if any. */
    Optional<Responses.Task> taskOf(Responses.Row row, Actor actor) {
        if (actor.departmentId() == null) {
            return Optional.empty();
        }
        return responses.tasks(row.id()).stream().filter(t -> t.departmentId() == actor.departmentId()
                || directory.isWithin(actor.departmentId(), t.departmentId())).findFirst();
    }

    Responses.Row row(String topicId) {
        return responses.ofTopic(topicId).orElseThrow(() -> new NotFoundException(Phrase.of(
                "problem.opinion.no-response", "话题 {0} 尚未发起联动处置", topicId)));
    }

    /** The partner kind of a department, by the directory codes in the settings. */
    Party party(long departmentId) {
        String code = directory.department(departmentId).map(Department::code).orElse("");
        if (code.equals(settings.conductDepartment())) {
            return Party.CONDUCT;
        } else if (code.equals(settings.policeDepartment())) {
            return Party.POLICE;
        } else if (code.equals(settings.onlineDepartment())) {
            return Party.ONLINE;
        } else if (code.equals(settings.mediaDepartment())) {
            return Party.MEDIA;
        }
        return Party.DEPARTMENT;
    }

    private Department department(long id, String field) {
        return directory.department(id).filter(Department::active).filter(d -> d.parentId() == null)
                .orElseThrow(() -> new InvalidInputException(field, Phrase.of("problem.opinion.department",
                        "请选择一个一级单位")));
    }

    private static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, Phrase.of("problem.opinion.required", "必填"));
        }
        if (text.strip().length() > 1000) {
            throw new InvalidInputException(field, Phrase.of("problem.opinion.too-long", "最长 {0} 字", 1000));
        }
        return text.strip();
    }

    private static NewAppeal appeal(TopicBoard.TopicRow topic, String leadTask) {
        String title = "网络舆情：" + topic.headline();
        if (title.length() > 200) {
            title = title.substring(0, 200);
        }
        String content = "话题 " + topic.id() + "（" + topic.posts() + " 条帖子/工单，热度 "
                + String.format(java.util.Locale.ROOT, "%.1f", topic.heat()) + "）。牵头任务：" + leadTask;
        return new NewAppeal(Channel.ONLINE_OPINION, "opinion:" + topic.id(), AppealKind.COMPLAINT, Urgency.NORMAL,
                null, null, title, content, null, null, null, null, null, null, null, null, false, List.of());
    }
}
