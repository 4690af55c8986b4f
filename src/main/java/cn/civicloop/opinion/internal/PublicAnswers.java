package cn.civicloop.opinion.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.opinion.AnswerChannel;
import cn.civicloop.opinion.Party;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/**
 * The public answer (回帖) of a linked response: the lead drafts it (again, until it is approved), the 网信/宣传
 * partner approves it, and it is posted through the {@link AnswerChannel} and recorded as posted with its address.
 * States: NONE → DRAFTED → POSTED.
 */
@Service
public class PublicAnswers {

    private final LinkedResponses linked;
    private final Responses responses;
    private final ResponseLog log;
    private final AnswerChannel channel;
    private final JdbcClient jdbc;

    PublicAnswers(LinkedResponses linked, Responses responses, ResponseLog log, AnswerChannel channel, JdbcClient jdbc) {
        this.linked = linked;
        this.responses = responses;
        this.log = log;
        this.channel = channel;
        this.jdbc = jdbc;
    }

    @Transactional
    public LinkedResponses.View draft(String topicId, String text, Integer version, Actor actor) {
        Responses.Row row = linked.row(topicId);
        requireParty(row, actor, Party.LEAD, Phrase.of("problem.opinion.lead-drafts", "回帖由牵头单位起草"));
        if (responses.tasks(row.id()).stream().noneMatch(t -> t.party() == Party.ONLINE)) {
            throw new ConflictException(Phrase.of("problem.opinion.no-online-partner",
                    "本次联动没有网信/宣传单位，回帖无人审核"));
        }
        if ("POSTED".equals(row.answerStatus())) {
            throw new ConflictException(Phrase.of("problem.opinion.answer-posted", "回帖已发布"));
        }
        if (text == null || text.isBlank() || text.strip().length() > 4000) {
            throw new InvalidInputException("text", Phrase.of("problem.opinion.answer-text", "回帖内容必填，最长 4000 字"));
        }
        update(row, version, text.strip(), "DRAFTED", null);
        log.add(row.id(), actor, "ANSWER_DRAFTED", text.strip());
        return linked.view(topicId).orElseThrow();
    }

    @Transactional
    public LinkedResponses.View approve(String topicId, Integer version, Actor actor) {
        Responses.Row row = linked.row(topicId);
        requireParty(row, actor, Party.ONLINE, Phrase.of("problem.opinion.online-approves", "回帖由网信/宣传单位审核"));
        if (!"DRAFTED".equals(row.answerStatus())) {
            throw new ConflictException(Phrase.of("problem.opinion.answer-not-drafted", "没有待审核的回帖"));
        }
        String url = channel.post(topicId, firstPostUrl(topicId), row.answerText());
        update(row, version, row.answerText(), "POSTED", url);
        log.add(row.id(), actor, "ANSWER_APPROVED", null);
        log.add(row.id(), actor, "ANSWER_POSTED", url);
        return linked.view(topicId).orElseThrow();
    }

    private void requireParty(Responses.Row row, Actor actor, Party party, Phrase refusal) {
        boolean staff = actor.has(Role.HANDLER) || actor.has(Role.DEPT_HEAD);
        boolean ok = staff && linked.taskOf(row, actor).filter(t -> t.party() == party).isPresent();
        if (!ok) {
            throw new ForbiddenException(refusal);
        }
    }

    private void update(Responses.Row row, Integer version, String text, String status, String url) {
        int expected = version == null ? row.version() : version;
        if (!responses.updateAnswer(row.id(), expected, text, status, url)) {
            throw new ConflictException(Phrase.of("problem.opinion.answer-changed", "回帖已被他人修改，请刷新后重试"));
        }
    }

    /** The address of the topic's first post that has one: where the issue was raised. */
    private String firstPostUrl(String topicId) {
        return jdbc.sql("""
                select url from opinion_post where topic_id = ? and url is not null order by posted_at, id
                fetch first 1 rows only""")
                .param(topicId).query(String.class).optional().orElse(null);
    }
}
