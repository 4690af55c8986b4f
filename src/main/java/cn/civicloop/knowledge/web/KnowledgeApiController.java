package cn.civicloop.knowledge.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.classifier.SearchTerms;
import cn.civicloop.knowledge.KnowledgeSearch;
import cn.civicloop.knowledge.internal.Article;
import cn.civicloop.knowledge.internal.ArticleDraft;
import cn.civicloop.knowledge.internal.ArticleEditing;
import cn.civicloop.knowledge.internal.DirectAnswers;
import cn.civicloop.knowledge.internal.KnowledgeProperties;
import cn.civicloop.knowledge.internal.ReplyReviews;
import cn.civicloop.knowledge.internal.ReplyTemplates;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/** The knowledge base's JSON API: search, articles and their history, direct answers, templates, reply review. */
@RestController
@RequestMapping("/api/v1/knowledge")
class KnowledgeApiController {

    /** The longest query taken: a pasted appeal is searched by its beginning (see {@code ArticleSearch}). */
    static final int MAX_QUERY = 10000;

    /** An article as the API shows it. */
    record ArticleJson(long id, int version, String title, String bodyHtml, String category, Long departmentId,
            LocalDate validFrom, LocalDate validUntil, String sourceDocument, String status, String changedBy,
            java.time.Instant changedAt, String approvedBy) {
        static ArticleJson of(Article a) {
            return new ArticleJson(a.id(), a.version(), a.title(), a.bodyHtml(), a.category(), a.departmentId(),
                    a.validFrom(), a.validUntil(), a.sourceDocument(), a.status().name(), a.changedBy(),
                    a.changedAt(), a.approvedBy());
        }
    }

    /** A new article or a change; {@code version} is the version the change was made on (ignored for a new one). */
    record ArticleBody(Integer version, String title, String bodyHtml, String category, Long departmentId,
            LocalDate validFrom, LocalDate validUntil, String sourceDocument, String note) {
        ArticleDraft draft() {
            return new ArticleDraft(title, bodyHtml, category, departmentId, validFrom, validUntil, sourceDocument,
                    note);
        }
    }

    record VersionBody(Integer version, String reason) {
    }

    record AnswerBody(Long articleId, Integer version) {
    }

    record SearchBody(String q) {
    }

    private final KnowledgeSearch search;
    private final ArticleEditing editing;
    private final DirectAnswers answers;
    private final ReplyTemplates templates;
    private final ReplyReviews reviews;
    private final CaseQueries cases;
    private final KnowledgeProperties properties;

    KnowledgeApiController(KnowledgeSearch search, ArticleEditing editing, DirectAnswers answers,
            ReplyTemplates templates, ReplyReviews reviews, CaseQueries cases, KnowledgeProperties properties) {
        this.search = search;
        this.editing = editing;
        this.answers = answers;
        this.templates = templates;
        this.reviews = reviews;
        this.cases = cases;
        this.properties = properties;
    }

    @GetMapping("/search")
    Map<String, Object> search(@RequestParam(name = "q", required = false) String q) {
        return found(q);
    }

    /** The same search for a long text (a whole appeal), which does not fit in a URL. */
    @PostMapping("/search")
    Map<String, Object> searchLong(@RequestBody SearchBody body) {
        return found(body == null ? null : body.q());
    }

    @GetMapping("/articles/{id}")
    ArticleJson article(@PathVariable long id) {
        return ArticleJson.of(editing.get(id));
    }

    @GetMapping("/articles/{id}/versions/{version}")
    ArticleJson version(@PathVariable long id, @PathVariable int version) {
        return ArticleJson.of(editing.get(id, version));
    }

    @GetMapping("/articles/{id}/history")
    List<?> history(@PathVariable long id) {
        return editing.history(id);
    }

    @PostMapping("/articles")
    ArticleJson create(@RequestBody ArticleBody body) {
        return ArticleJson.of(editing.create(body.draft(), Actors.current()));
    }

    @PutMapping("/articles/{id}")
    ArticleJson change(@PathVariable long id, @RequestBody ArticleBody body) {
        return ArticleJson.of(editing.change(id, version(body.version()), body.draft(), Actors.current()));
    }

    @PostMapping("/articles/{id}/approve")
    ArticleJson approve(@PathVariable long id, @RequestBody VersionBody body) {
        return ArticleJson.of(editing.approve(id, version(body.version()), Actors.current()));
    }

    @PostMapping("/articles/{id}/withdraw")
    ArticleJson withdraw(@PathVariable long id, @RequestBody VersionBody body) {
        return ArticleJson.of(editing.withdraw(id, version(body.version()), body.reason(), Actors.current()));
    }

    @PostMapping("/cases/{number}/answer")
    Map<String, Object> answer(@PathVariable String number, @RequestBody AnswerBody body) {
        if (body.articleId() == null) {
            throw new InvalidInputException("articleId", Phrase.of("problem.knowledge.article-required", "请选择知识条目"));
        }
        answers.answerCase(number, body.articleId(), version(body.version()), Actors.current());
        var view = cases.view(number, Actors.current());
        return Map.of("number", number, "status", view.status().name(), "articleId", body.articleId(),
                "articleVersion", body.version());
    }

    @GetMapping("/cases/{number}/answer")
    Object answered(@PathVariable String number) {
        cases.view(number, Actors.current());
        return answers.of(number).map(a -> (Object) a).orElse(Map.of());
    }

    @GetMapping("/cases/{number}/templates")
    List<ReplyTemplates.Filled> templates(@PathVariable String number,
            @RequestParam(defaultValue = "reply") String action) {
        CaseAction a = CaseAction.ofSlug(action).orElseThrow(() -> new InvalidInputException("action",
                Phrase.of("problem.knowledge.action", "没有这个操作：{0}", action)));
        return templates.forCase(cases.view(number, Actors.current()), a);
    }

    @GetMapping("/cases/{number}/review")
    Map<String, Object> review(@PathVariable String number) {
        return reviews.of(number, Actors.current()).<Map<String, Object>>map(r -> Map.of(
                "repliedAt", r.reply().at(), "points", r.checklist().points(), "empty", r.checklist().empty(),
                "promiseOnly", r.checklist().promiseOnly(), "promises", r.promises(), "formLetter", r.formLetter(),
                "formLetterOf", r.twin().map(t -> t.caseNumber()).orElse("")))
                .orElse(Map.of());
    }

    private Map<String, Object> found(String q) {
        if (q == null || q.isBlank()) {
            throw new InvalidInputException("q", Phrase.of("problem.knowledge.query-empty", "请输入要查找的内容"));
        }
        if (q.length() > MAX_QUERY) {
            throw new InvalidInputException("q", Phrase.of("problem.knowledge.query-long", "查找内容最长 {0} 字", MAX_QUERY));
        }
        var hits = search.search(q, properties.searchLimit());
        return Map.of("query", q.length() > 100 ? q.substring(0, 100) + "…" : q,
                "searchable", !SearchTerms.ofQuery(q).isEmpty(), "articles", hits);
    }

    private static int version(Integer v) {
        if (v == null) {
            throw new InvalidInputException("version", Phrase.of("problem.knowledge.version",
                    "请带上您所修改的版本号（version）"));
        }
        return v;
    }
}
