package cn.civicloop.knowledge.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.directory.Actor;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.Phrase;

/**
 * 直接答复 from an article: the case is answered through the cases module's own command (ANSWER, the operator's right
 * and statuses as for any answer) with the article's text, and the article and the version the operator read are
 * recorded beside it, in the same transaction. An article that changed, expired or was withdrawn since the operator
 * saw it is refused: the answer must be the text he read.
 */
@Service
public class DirectAnswers {

    /** The record of which article answered a case. */
    public record Answered(String caseNumber, long articleId, int articleVersion, String answeredBy,
            java.time.Instant answeredAt) {
    }

    private final CaseManagement cases;
    private final AppealIntake intake;
    private final ArticleEditing articles;
    private final JdbcClient jdbc;
    private final Clock clock;

    DirectAnswers(CaseManagement cases, AppealIntake intake, ArticleEditing articles, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.intake = intake;
        this.articles = articles;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Answers an open case (待受理 or 已受理) from the article at {@code version}. */
    @Transactional
    public void answerCase(String number, long articleId, int version, Actor operator) {
        Article article = usable(articleId, version);
        cases.perform(number, new CaseCommand.Answer(answerText(article)), operator);
        jdbc.sql("""
                insert into knowledge_answer (case_number, article_id, article_version, answered_by, answered_at)
                values (?, ?, ?, ?, ?)""")
                .params(number, articleId, version, operator.displayName(), Timestamp.from(clock.instant())).update();
    }

    /** Registers the call on the phone registration page and answers it from the article: one transaction. */
    @Transactional
    public OpenedCase answerCall(AppealForm call, long articleId, int version, Actor operator) {
        usable(articleId, version);
        OpenedCase opened = intake.submit(call, List.of(), operator);
        answerCase(opened.number(), articleId, version, operator);
        return opened;
    }

    public Optional<Answered> of(String number) {
        return jdbc.sql("""
                select case_number, article_id, article_version, answered_by, answered_at from knowledge_answer
                where case_number = ?""").param(number)
                .query((rs, n) -> new Answered(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).optional();
    }

    /** The answer a resident reads: the article's text and the document it rests on. */
    static String answerText(Article a) {
        String text = a.text();
        if (a.sourceDocument() != null) {
            text = text + "\n（依据：" + a.sourceDocument() + "）";
        }
        return text.length() <= 5000 ? text : text.substring(0, 5000);
    }

    private Article usable(long articleId, int version) {
        Article a = articles.get(articleId);
        if (a.version() != version) {
            throw new ConflictException(Phrase.of("problem.knowledge.changed",
                    "这篇知识已更新为第{0}版，请先阅读新版本再答复", a.version()));
        }
        if (!a.suggestibleOn(LocalDate.now(clock.withZone(DistrictTime.ZONE)))) {
            throw new ConflictException(Phrase.of("problem.knowledge.not-usable",
                    "这篇知识未经审核或不在有效期内，不能用于答复"));
        }
        return a;
    }
}
