package cn.civicloop.knowledge.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.knowledge.KnowledgeSearch;
import cn.civicloop.knowledge.internal.Article;
import cn.civicloop.knowledge.internal.ArticleDraft;
import cn.civicloop.knowledge.internal.ArticleEditing;
import cn.civicloop.knowledge.internal.ArticleStatus;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.web.RefusalText;

/**
 * The knowledge base's pages under {@code /knowledge}: search and lists for every member of staff, an article with its
 * history, and the editors' forms. A refused change re-renders the form with the reason and what was typed.
 */
@Controller
class KnowledgePageController {

    private final KnowledgeSearch search;
    private final ArticleEditing editing;
    private final Directory directory;

    KnowledgePageController(KnowledgeSearch search, ArticleEditing editing, Directory directory) {
        this.search = search;
        this.editing = editing;
        this.directory = directory;
    }

    @GetMapping("/knowledge")
    String index(@RequestParam(name = "q", required = false) String q, Model model) {
        Actor actor = Actors.current();
        String query = q == null ? "" : q.length() > 2000 ? q.substring(0, 2000) : q;
        model.addAttribute("q", query);
        model.addAttribute("hits", query.isBlank() ? List.of() : search.search(query, 20));
        model.addAttribute("editor", actor.has(cn.civicloop.directory.Role.KNOWLEDGE_EDITOR));
        model.addAttribute("pending", actor.has(cn.civicloop.directory.Role.KNOWLEDGE_EDITOR)
                ? editing.list(actor.districtWide() ? null : actor.departmentId(), ArticleStatus.PENDING, 50)
                : List.of());
        model.addAttribute("latest", editing.list(null, ArticleStatus.APPROVED, 50));
        model.addAttribute("names", names());
        return "knowledge/index";
    }

    @GetMapping("/knowledge/{id:\\d+}")
    String article(@PathVariable long id, @RequestParam(name = "v", required = false) Integer v, Model model) {
        Actor actor = Actors.current();
        Article a = v == null ? editing.get(id) : editing.get(id, v);
        model.addAttribute("article", a);
        model.addAttribute("current", editing.get(id));
        model.addAttribute("history", editing.history(id));
        model.addAttribute("names", names());
        model.addAttribute("validToday", a.validOn(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
        model.addAttribute("mayEdit", ArticleEditing.mayEditDepartment(a.departmentId(), actor));
        model.addAttribute("mayApprove", actor.has(cn.civicloop.directory.Role.KNOWLEDGE_EDITOR)
                && actor.districtWide() && editing.get(id).status() == ArticleStatus.PENDING);
        return "knowledge/article";
    }

    @GetMapping("/knowledge/new")
    String newForm(Model model) {
        return form(model, null, Map.of(), null);
    }

    @GetMapping("/knowledge/{id:\\d+}/edit")
    String editForm(@PathVariable long id, Model model) {
        Article a = editing.get(id);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", a.title());
        values.put("bodyHtml", a.bodyHtml());
        values.put("category", a.category());
        values.put("departmentId", a.departmentId() == null ? "" : a.departmentId().toString());
        values.put("validFrom", a.validFrom().toString());
        values.put("validUntil", a.validUntil() == null ? "" : a.validUntil().toString());
        values.put("sourceDocument", a.sourceDocument() == null ? "" : a.sourceDocument());
        values.put("version", String.valueOf(a.version()));
        return form(model, a.id(), values, null);
    }

    @PostMapping("/knowledge")
    String create(@RequestParam Map<String, String> p, Model model) {
        try {
            return "redirect:/knowledge/" + editing.create(draft(p), Actors.current()).id();
        } catch (DomainException e) {
            return form(model, null, p, e);
        }
    }

    @PostMapping("/knowledge/{id:\\d+}")
    String change(@PathVariable long id, @RequestParam Map<String, String> p, Model model) {
        try {
            editing.change(id, intOf(p.get("version")), draft(p), Actors.current());
            return "redirect:/knowledge/" + id;
        } catch (DomainException e) {
            return form(model, id, p, e);
        }
    }

    @PostMapping("/knowledge/{id:\\d+}/approve")
    String approve(@PathVariable long id, @RequestParam Map<String, String> p, Model model) {
        try {
            editing.approve(id, intOf(p.get("version")), Actors.current());
            return "redirect:/knowledge/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", RefusalText.of(e));
            return article(id, null, model);
        }
    }

    @PostMapping("/knowledge/{id:\\d+}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam Map<String, String> p, Model model) {
        try {
            editing.withdraw(id, intOf(p.get("version")), p.get("reason"), Actors.current());
            return "redirect:/knowledge/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", RefusalText.of(e));
            return article(id, null, model);
        }
    }

    private String form(Model model, Long id, Map<String, String> values, DomainException e) {
        model.addAttribute("id", id);
        model.addAttribute("values", values);
        model.addAttribute("departments", directory.departments().stream()
                .filter(d -> d.active() && d.parentId() == null).toList());
        model.addAttribute("centre", Actors.current().districtWide());
        if (e != null) {
            model.addAttribute("error", RefusalText.of(e));
            model.addAttribute("fieldProblems", e.fieldProblems());
        }
        return "knowledge/form";
    }

    private Map<Long, String> names() {
        Map<Long, String> names = new java.util.HashMap<>();
        for (Department d : directory.departments()) {
            names.put(d.id(), d.name());
        }
        return names;
    }

    private static ArticleDraft draft(Map<String, String> p) {
        return new ArticleDraft(p.get("title"), p.get("bodyHtml"), p.get("category"), longOf(p.get("departmentId")),
                dateOf(p.get("validFrom")), dateOf(p.get("validUntil")), p.get("sourceDocument"), p.get("note"));
    }

    private static Long longOf(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int intOf(String s) {
        try {
            return Integer.parseInt(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static LocalDate dateOf(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new cn.civicloop.shared.InvalidInputException("validFrom",
                    cn.civicloop.shared.Phrase.of("problem.knowledge.date", "日期格式应为 2026-01-31：{0}", s));
        }
    }
}
