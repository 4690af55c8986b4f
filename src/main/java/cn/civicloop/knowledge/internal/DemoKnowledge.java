package cn.civicloop.knowledge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;

/**
 * The demo district's articles and reply templates ({@code knowledge/demo-articles.yml}, of our own writing), loaded
 * approved into an empty knowledge base when {@code civicloop.knowledge.demo-articles} is on. Runs after the
 * directory's seeder, whose departments the articles name by code.
 */
@Component
@Order(20)
class DemoKnowledge implements ApplicationRunner {

    static final String FILE = "knowledge/demo-articles.yml";
    static final String BY = "知识库示例";

    private final KnowledgeProperties properties;
    private final ArticleStore store;
    private final ReplyTemplates templates;
    private final Directory directory;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoKnowledge(KnowledgeProperties properties, ArticleStore store, ReplyTemplates templates, Directory directory,
            TransactionTemplate tx, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.templates = templates;
        this.directory = directory;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.demoArticles()) {
            return;
        }
        Map<String, Object> root;
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        tx.executeWithoutResult(s -> {
            if (store.count() == 0) {
                articles(list(root, "articles"));
            }
            if (templates.count() == 0) {
                list(root, "templates").forEach(t -> templates.add(str(t, "category"),
                        CaseAction.valueOf(str(t, "action")), str(t, "name"), str(t, "body"), BY));
            }
        });
    }

    private void articles(List<Map<String, Object>> rows) {
        for (Map<String, Object> a : rows) {
            String code = str(a, "department");
            Long department = code == null ? null
                    : directory.departmentByCode(code).map(Department::id).orElse(null);
            LocalDate from = a.get("valid-from") == null ? LocalDate.of(2026, 1, 1) : date(a.get("valid-from"));
            LocalDate until = a.get("valid-until") == null ? null : date(a.get("valid-until"));
            String html = ArticleHtml.clean(str(a, "body"));
            ArticleDraft d = new ArticleDraft(str(a, "title"), html, str(a, "category"), department, from, until,
                    str(a, "source"), "示例数据");
            store.insert(d, html, ArticleStatus.APPROVED, BY, clock.instant());
        }
    }

    private static LocalDate date(Object v) {
        return v instanceof java.util.Date d ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                : LocalDate.parse(v.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> root, String key) {
        return (List<Map<String, Object>>) root.getOrDefault(key, List.of());
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }
}
