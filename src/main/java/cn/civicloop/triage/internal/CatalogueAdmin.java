package cn.civicloop.triage.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import cn.civicloop.cases.Channel;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.classifier.ModelInfo;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;

/** Admin commands on the catalogue, the category tree and the model; each rule change is checked and recorded. */
@Service
public class CatalogueAdmin {

    private final Catalogue catalogue;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final ActiveModel model;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> retrainTask;
    private final Clock clock;
    private final AuditTrail audit;

    CatalogueAdmin(Catalogue catalogue, Directory directory, JdbcClient jdbc, ActiveModel model,
            SchedulerClient scheduler, OneTimeTask<Void> routingRetrainTask, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.catalogue = catalogue;
        this.directory = directory;
        this.jdbc = jdbc;
        this.model = model;
        this.scheduler = scheduler;
        this.retrainTask = routingRetrainTask;
        this.clock = clock;
    }

    /** A node of the district's category tree, with its own auto-routing threshold (null: the default). */
    public record Category(String name, String parent, Double autoThreshold, boolean active) {
    }

    /** The model in service and the last retraining. */
    public record ModelStatus(ModelInfo active, long catalogueVersion, Object lastRetraining) {
    }

    public List<Rule> rules() {
        return catalogue.rules();
    }

    @Transactional
    public Rule save(Rule rule, Actor by) {
        Rule before = rule.id() == null ? null : catalogue.rule(rule.id()).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.triage.no-such-rule", "没有该派单规则")));
        check(rule);
        long id = catalogue.save(rule, by.displayName());
        Rule after = catalogue.rule(id).orElseThrow();
        audit.change("CONFIG_CHANGE", "routing rule " + id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id, Actor by) {
        Rule before = catalogue.rule(id).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.triage.no-such-rule", "没有该派单规则")));
        catalogue.delete(id, by.displayName());
        audit.change("CONFIG_CHANGE", "routing rule " + id, before, null);
    }

    public List<Catalogue.Change> history() {
        return catalogue.history();
    }

    public List<Category> categories() {
        return jdbc.sql("select name, parent, auto_threshold, active from triage_category order by name")
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getObject(3, Double.class),
                        rs.getBoolean(4)))
                .list();
    }

    @Transactional
    public void saveCategory(Category c) {
        Category before = categories().stream().filter(k -> k.name().equals(c.name())).findFirst().orElse(null);
        int updated = jdbc.sql("update triage_category set parent = ?, auto_threshold = ?, active = ? where name = ?")
                .params(c.parent(), c.autoThreshold(), c.active(), c.name()).update();
        if (updated == 0) {
            jdbc.sql("insert into triage_category (name, parent, auto_threshold, active) values (?, ?, ?, ?)")
                    .params(c.name(), c.parent(), c.autoThreshold(), c.active()).update();
        }
        catalogue.categoriesChanged();
        audit.change("CONFIG_CHANGE", "category " + c.name(), before, c);
    }

    public ModelStatus modelStatus() {
        return new ModelStatus(model.model().info(), catalogue.version(), ModelRetraining.last());
    }

    public void requestRetraining() {
        ModelRetraining.request(scheduler, retrainTask, clock.instant());
    }

    private void check(Rule rule) {
        Department department = directory.departmentByCode(rule.departmentCode())
                .orElseThrow(() -> new InvalidInputException("departmentCode",
                        Phrase.of("problem.triage.no-such-department", "承办单位编码不存在")));
        if (rule.unitCode() != null) {
            Department unit = directory.departmentByCode(rule.unitCode())
                    .orElseThrow(() -> new InvalidInputException("unitCode",
                            Phrase.of("problem.triage.no-such-unit", "二级单位编码不存在")));
            if (!directory.isWithin(unit.id(), department.id()) || unit.id() == department.id()) {
                throw new InvalidInputException("unitCode",
                        Phrase.of("problem.triage.unit-is-not-part-of-the-department", "该单位不属于承办单位"));
            }
        }
        if (rule.channel() != null && java.util.Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(rule.channel()))) {
            throw new InvalidInputException("channel",
                    Phrase.of("problem.triage.unknown-channel", "未知渠道：{0}", rule.channel()));
        }
        if (rule.areaCode() != null && directory.area(rule.areaCode()).isEmpty()) {
            throw new InvalidInputException("areaCode", Phrase.of("problem.triage.no-such-area", "区域编码不存在"));
        }
        boolean knownCategory = Rule.ANY.equals(rule.category()) || categories().stream().anyMatch(c -> c.name().equals(rule.category()));
        if (!knownCategory) {
            throw new InvalidInputException("category",
                    Phrase.of("problem.triage.unknown-category", "分类不存在，请先在分类树中添加"));
        }
    }
}
