package cn.civicloop.opinion.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.civicloop.directory.Role;
import cn.civicloop.notify.StaffLetters;
import cn.civicloop.opinion.WarningLevel;

/**
 * Warnings of topics (舆情预警): a topic reaching a level it had not reached is recorded once per level (the levels
 * it skipped too) and the opinion officers get one inbox letter naming the highest. The live list on the board reads
 * the same rows.
 */
@Service
public class TopicAlerts {

    /** One alert as the live list shows it. */
    public record Alert(long id, String topicId, String headline, WarningLevel level, double heat, Instant raisedAt) {
    }

    private static final Locale LETTER_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;
    private final StaffLetters letters;
    private final MessageSource messages;
    private final Clock clock;

    TopicAlerts(JdbcClient jdbc, StaffLetters letters, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.letters = letters;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Records the levels above {@code alerted} up to {@code reached} and writes the officers' letter, in the
     * caller's transaction.
     *
     * @return the level now alerted ({@code reached})
     */
    WarningLevel raise(String topicId, String headline, WarningLevel alerted, WarningLevel reached, double heat) {
        Instant now = clock.instant();
        int inserted = 0;
        for (WarningLevel level : WarningLevel.values()) {
            if (level.compareTo(alerted) > 0 && level.compareTo(reached) <= 0) {
                inserted += jdbc.sql("""
                        insert into opinion_alert (topic_id, level, heat, raised_at) values (?, ?, ?, ?)
                        on conflict do nothing""")
                        .params(topicId, level.name(), heat, java.sql.Timestamp.from(now)).update();
            }
        }
        if (inserted > 0) {
            String levelLabel = messages.getMessage("opinion.level." + reached.name(), null, LETTER_LOCALE);
            String title = messages.getMessage("opinion.alert.letter.title", new Object[] {levelLabel, topicId}, LETTER_LOCALE);
            String body = messages.getMessage("opinion.alert.letter.body",
                    new Object[] {headline, String.format(Locale.ROOT, "%.1f", heat), levelLabel}, LETTER_LOCALE);
            letters.toRole(Role.OPINION_OFFICER, topicId, "OPINION_ALERT", cut(title, 200), cut(body, 1000),
                    "opinion-alert:" + topicId + ":" + reached.name());
        }
        return reached;
    }

    /** The newest alerts, at most {@code limit}. */
    public List<Alert> latest(int limit) {
        return jdbc.sql("""
                select a.id, a.topic_id, t.headline, a.level, a.heat, a.raised_at
                from opinion_alert a join opinion_topic t on t.id = a.topic_id
                order by a.raised_at desc, a.id desc fetch first ? rows only""")
                .param(limit)
                .query((rs, n) -> new Alert(rs.getLong(1), rs.getString(2), rs.getString(3),
                        WarningLevel.valueOf(rs.getString(4)), rs.getDouble(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
