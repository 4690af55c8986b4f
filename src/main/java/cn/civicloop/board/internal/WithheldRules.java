package cn.civicloop.board.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.Channel;

/**
 * What is never public whatever the resident chose: cases from the police channels (110 linkage, block police,
 * village auxiliary police), and cases whose category or title contains a keyword of {@code board_withheld_keyword}
 * (纪委 and discipline matters, disputes between persons, police matters).
 */
@Component
class WithheldRules {

    /** Why a case is not on the board. */
    enum Reason {
        OPTED_OUT, POLICE_CHANNEL, DISCIPLINE, DISPUTE, POLICE
    }

    static final Set<Channel> POLICE_CHANNELS = EnumSet.of(Channel.POLICE_110, Channel.BLOCK_POLICE,
            Channel.VILLAGE_AUX_POLICE);

    /**
     * How long the keywords read are used: the list is changed by a migration or a database administrator, not by
     * the application, and was read four times per appeal (opened, registered, assigned, categorised).
     */
    private static final long KEEP_NANOS = 60_000_000_000L;

    private final JdbcClient jdbc;
    private volatile Read read;

    WithheldRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Read(List<Keyword> keywords, long atNanos) {
    }

    Optional<Reason> reason(Channel channel, String category, String title) {
        if (channel != null && POLICE_CHANNELS.contains(channel)) {
            return Optional.of(Reason.POLICE_CHANNEL);
        }
        for (Keyword k : keywords()) {
            if (contains(category, k.keyword()) || contains(title, k.keyword())) {
                return Optional.of(k.reason());
            }
        }
        return Optional.empty();
    }

    /** The keywords, read again at most once a minute (a change applies within that minute). */
    private List<Keyword> keywords() {
        Read r = read;
        long now = System.nanoTime();
        if (r == null || now - r.atNanos() > KEEP_NANOS) {
            r = new Read(jdbc.sql("select keyword, reason from board_withheld_keyword")
                    .query((rs, n) -> new Keyword(rs.getString(1), Reason.valueOf(rs.getString(2)))).list(), now);
            read = r;
        }
        return r.keywords();
    }

    private static boolean contains(String text, String keyword) {
        return text != null && text.contains(keyword);
    }

    private record Keyword(String keyword, Reason reason) {
    }
}
