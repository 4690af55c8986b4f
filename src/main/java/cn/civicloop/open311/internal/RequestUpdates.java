package cn.civicloop.open311.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import cn.civicloop.cases.CaseFeed;
import cn.civicloop.cases.CaseFeed.FeedCase;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.open311.Open311Clients.Client;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Text;

/**
 * FixMyStreet's request updates. GET servicerequestupdates: the public steps of the cases, in a window of at most
 * 90 days (or of one request), with the detailed status each step left the case in. POST servicerequestupdates: the
 * client that submitted a request adds what its user wrote later; it becomes an internal note on the case (staff
 * read it, the resident's page does not show it), once per the client's update_id.
 */
@Service
public class RequestUpdates {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int NOTE_LIMIT = 2000;

    private final CaseFeed feed;
    private final CaseManagement cases;
    private final RequestLedger ledger;
    private final JdbcClient jdbc;
    private final Open311Properties settings;
    private final Labels labels;
    private final Clock clock;

    RequestUpdates(CaseFeed feed, CaseManagement cases, RequestLedger ledger, JdbcClient jdbc,
            Open311Properties settings, Labels labels, Clock clock) {
        this.feed = feed;
        this.cases = cases;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.settings = settings;
        this.labels = labels;
        this.clock = clock;
    }

    public List<Map<String, Object>> list(Open311Form form) {
        String id = form.one("service_request_id");
        List<CaseFeed.FeedNote> notes;
        if (id != null) {
            FeedCase c = listed(id);
            notes = feed.publicNotes(c.number());
        } else {
            DateWindow window = DateWindow.of(form.one("start_date"), form.one("end_date"), clock, labels);
            notes = feed.publicNotesBetween(window.from(), window.to(), settings.maxPageSize() * settings.maxPage());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (CaseFeed.FeedNote n : notes) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("update_id", String.valueOf(n.id()));
            u.put("service_request_id", n.number());
            u.put("status", StatusMapping.detailed(n.toStatus(), false));
            u.put("updated_datetime", W3Time.of(n.at()));
            u.put("description", labels.note(n));
            u.put("media_url", null);
            out.add(u);
        }
        return out;
    }

    public List<Map<String, Object>> post(Client client, Open311Form form) {
        String id = form.one("service_request_id");
        String updateId = form.one("update_id");
        String description = Text.cleanOrNull(form.one("description"));
        if (id == null) {
            throw new InvalidInputException("service_request_id", labels.get("open311.error.update.request"));
        }
        if (updateId == null || !REFERENCE.matcher(updateId).matches()) {
            throw new InvalidInputException("update_id", labels.get("open311.error.reference"));
        }
        if (description == null || description.length() > NOTE_LIMIT) {
            throw new InvalidInputException("description", labels.get("open311.error.update.description", NOTE_LIMIT));
        }
        Optional<Long> known = known(client.id(), updateId);
        if (known.isPresent()) {
            return answer(known.get());
        }
        FeedCase c = listed(id);
        RequestLedger.Entry entry = ledger.byCase(c.number()).orElse(null);
        if (entry == null || entry.clientId() != client.id()) {
            throw new ForbiddenException(labels.get("open311.error.update.owner"));
        }
        long ours;
        try {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into open311_update (client_id, client_update_id, case_number, created_at) values (?, ?, ?, ?)")
                    .params(client.id(), updateId, c.number(), Timestamp.from(clock.instant())).update(key, "id");
            ours = key.getKeyAs(Number.class).longValue();
        } catch (DuplicateKeyException e) {
            return answer(known(client.id(), updateId).orElseThrow(() -> e));
        }
        try {
            cases.perform(c.number(), new CaseCommand.Note(labels.get("open311.update.note", client.name(), description),
                    false), onBehalfOf(client));
        } catch (RuntimeException e) {
            // nothing half-written: without its note the update is not recorded, and the client may send it again
            jdbc.sql("delete from open311_update where id = ?").param(ours).update();
            throw e;
        }
        return answer(ours);
    }

    /**
     * The application writing the client's note: a note is a staff step in the action catalogue, and the client,
     * checked above to be the one that submitted the case, is no member of staff. The note carries its name.
     */
    private static Actor onBehalfOf(Client client) {
        return new Actor(null, "open311:" + client.id(), client.name(), Set.of(Role.SYSTEM), null, true);
    }

    private FeedCase listed(String id) {
        return feed.byNumbers(List.of(id)).stream().filter(c -> !RequestListing.NOT_LISTED.contains(c.channel()))
                .findFirst().orElseThrow(() -> new NotFoundException(labels.get("open311.error.request")));
    }

    private Optional<Long> known(long clientId, String updateId) {
        return jdbc.sql("select id from open311_update where client_id = ? and client_update_id = ?")
                .params(clientId, updateId).query(Long.class).optional();
    }

    private static List<Map<String, Object>> answer(long id) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("update_id", String.valueOf(id));
        return List.of(a);
    }
}
