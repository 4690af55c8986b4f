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

    private final JdbcClient jdbc;

    WithheldRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Reason> reason(Channel channel, String category, String title) {
        if (channel != null && POLICE_CHANNELS.contains(channel)) {
            return Optional.of(Reason.POLICE_CHANNEL);
        }
        // the list is a few dozen rows and is read once per case opened or re-categorised
        List<Keyword> keywords = jdbc.sql("select keyword, reason from board_withheld_keyword")
                .query((rs, n) -> new Keyword(rs.getString(1), Reason.valueOf(rs.getString(2)))).list();
        for (Keyword k : keywords) {
            if (contains(category, k.keyword()) || contains(title, k.keyword())) {
                return Optional.of(k.reason());
            }
        }
        return Optional.empty();
    }

    private static boolean contains(String text, String keyword) {
        return text != null && text.contains(keyword);
    }

    private record Keyword(String keyword, Reason reason) {
    }
}
