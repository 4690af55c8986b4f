package cn.civicloop.knowledge.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.DomainException.FieldProblem;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Text;
import cn.civicloop.shared.web.TimeLabels;

/**
 * Writing articles: a department's editors write their department's articles, the district centre's editors any; each
 * change waits for the centre's approval before it is suggested again. A change names the version it was made on and
 * is refused, naming who changed the article first and when, if the article has moved on (optimistic locking). Every
 * change is kept in the history with who, when and why, in the same transaction.
 */
@Service
public class ArticleEditing {

    private final ArticleStore store;
    private final Clock clock;
    private final TimeLabels times;

    ArticleEditing(ArticleStore store, Clock clock, TimeLabels times) {
        this.store = store;
        this.clock = clock;
        this.times = times;
    }

    public Article get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.knowledge.not-found", "没有这篇知识：{0}", id)));
    }

    public Article get(long id, int version) {
        return store.find(id, version).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.knowledge.not-found", "没有这篇知识：{0}", id + " v" + version)));
    }

    public List<ArticleStore.Version> history(long id) {
        get(id);
        return store.history(id);
    }

    public List<Article> list(Long departmentId, ArticleStatus status, int limit) {
        return store.list(departmentId, status, limit);
    }

    @Transactional
    public Article create(ArticleDraft draft, Actor editor) {
        ArticleDraft d = checked(draft, editor);
        long id = store.insert(d, ArticleHtml.clean(d.bodyHtml()), ArticleStatus.PENDING, editor.displayName(), now());
        return get(id);
    }

    @Transactional
    public Article change(long id, int expectedVersion, ArticleDraft draft, Actor editor) {
        Article current = get(id);
        mayEdit(current.departmentId(), editor);
        ArticleDraft d = checked(draft, editor);
        if (current.version() != expectedVersion
                || !store.update(id, expectedVersion, d, ArticleHtml.clean(d.bodyHtml()), ArticleStatus.PENDING,
                        editor.displayName(), now())) {
            throw conflict(id);
        }
        return get(id);
    }

    /** The centre approves the version it read; the article is suggested from then on (while valid). */
    @Transactional
    public Article approve(long id, int expectedVersion, Actor approver) {
        if (!approver.has(Role.KNOWLEDGE_EDITOR) || !approver.districtWide()) {
            throw new ForbiddenException(Phrase.of("problem.knowledge.centre-approves", "只有区中心的知识库编辑可以审核"));
        }
        Article current = get(id);
        if (current.status() != ArticleStatus.PENDING) {
            throw new ConflictException(Phrase.of("problem.knowledge.not-pending", "这篇知识不在待审核状态"));
        }
        if (current.version() != expectedVersion
                || !store.setStatus(id, expectedVersion, ArticleStatus.APPROVED, approver.displayName(), now(), null)) {
            throw conflict(id);
        }
        return get(id);
    }

    /** Takes an article out of use, with the reason; it stays readable with its history. */
    @Transactional
    public Article withdraw(long id, int expectedVersion, String reason, Actor editor) {
        Article current = get(id);
        mayEdit(current.departmentId(), editor);
        String why = Text.cleanOrNull(reason);
        if (why == null) {
            throw new InvalidInputException("reason", Phrase.of("problem.knowledge.reason", "请写明撤下的原因"));
        }
        if (current.version() != expectedVersion
                || !store.setStatus(id, expectedVersion, ArticleStatus.WITHDRAWN, editor.displayName(), now(), cut(why, 300))) {
            throw conflict(id);
        }
        return get(id);
    }

    /** Whether {@code actor} may write articles of {@code departmentId} (null: the centre's own). */
    public static boolean mayEditDepartment(Long departmentId, Actor actor) {
        return actor.has(Role.KNOWLEDGE_EDITOR)
                && (actor.districtWide() || departmentId != null && departmentId.equals(actor.departmentId()));
    }

    private void mayEdit(Long departmentId, Actor editor) {
        if (!mayEditDepartment(departmentId, editor)) {
            throw new ForbiddenException(Phrase.of("problem.knowledge.not-yours", "只能编辑本单位的知识"));
        }
    }

    private ArticleDraft checked(ArticleDraft d, Actor editor) {
        Long department = editor.districtWide() ? d.departmentId() : editor.departmentId();
        mayEdit(department, editor);
        List<FieldProblem> problems = new ArrayList<>();
        String title = Text.cleanOrNull(d.title());
        if (title == null || title.length() < 2 || title.length() > 200) {
            problems.add(new FieldProblem("title", Phrase.of("problem.knowledge.title", "标题须为 2 至 200 字")));
        }
        String category = Text.cleanOrNull(d.category());
        if (category == null || category.length() > 60) {
            problems.add(new FieldProblem("category", Phrase.of("problem.knowledge.category", "请填写分类（最长 60 字）")));
        }
        String html = d.bodyHtml() == null ? "" : d.bodyHtml();
        if (html.length() > 16000 || ArticleHtml.text(html).isBlank()) {
            problems.add(new FieldProblem("bodyHtml", Phrase.of("problem.knowledge.body", "正文不能为空，最长 16000 字符")));
        }
        LocalDate from = d.validFrom() == null ? LocalDate.now(clock.withZone(DistrictTime.ZONE)) : d.validFrom();
        if (d.validUntil() != null && d.validUntil().isBefore(from)) {
            problems.add(new FieldProblem("validUntil", Phrase.of("problem.knowledge.validity", "失效日期不能早于生效日期")));
        }
        String source = Text.cleanOrNull(d.sourceDocument());
        if (source != null && source.length() > 300) {
            problems.add(new FieldProblem("sourceDocument", Phrase.of("problem.knowledge.source", "依据文件最长 300 字")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).phrase(), problems);
        }
        String note = Text.cleanOrNull(d.note());
        return new ArticleDraft(title, html, category, department, from, d.validUntil(), source,
                note == null ? null : cut(note, 300));
    }

    private ConflictException conflict(long id) {
        Article now = get(id);
        return new ConflictException(Phrase.of("problem.knowledge.conflict",
                "这篇知识已被{0}于{1}修改（现为第{2}版），您的修改未保存：请重新打开后再改", now.changedBy(),
                times.full(now.changedAt()), now.version()));
    }

    private Instant now() {
        return clock.instant();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
