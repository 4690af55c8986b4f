package cn.civicloop.open311.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.civicloop.cases.CaseFeed;
import cn.civicloop.cases.CaseFeed.FeedCase;
import cn.civicloop.cases.Channel;
import cn.civicloop.open311.Open311Clients.Client;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Masking;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Text;

/**
 * GET requests, GET requests/{id} and GET tokens/{token}. Everyone may read the district's requests; personal data
 * goes only to the client that submitted the request, identified by its api_key on the call: it gets the address,
 * the exact point, the description as written and (with extensions) the contact. Anyone else gets the description
 * with its number runs masked, the point rounded to about 100 m and no address. The police channels' cases are not
 * listed at all.
 */
@Service
public class RequestListing {

    /** 110 calls, block police and video alarms are police matters, not the district's public requests. */
    static final Set<Channel> NOT_LISTED = Set.of(Channel.POLICE_110, Channel.BLOCK_POLICE, Channel.VIDEO_ALARM);

    /** Phone numbers, ID card numbers and the like inside a free text. */

    private final CaseFeed feed;
    private final RequestLedger ledger;
    private final ServiceCatalogue services;
    private final Open311Properties settings;
    private final Labels labels;
    private final Clock clock;
    private final cn.civicloop.shared.AuditTrail audit;

    RequestListing(CaseFeed feed, RequestLedger ledger, ServiceCatalogue services, Open311Properties settings,
            Labels labels, Clock clock, cn.civicloop.shared.AuditTrail audit) {
        this.audit = audit;
        this.feed = feed;
        this.ledger = ledger;
        this.services = services;
        this.settings = settings;
        this.labels = labels;
        this.clock = clock;
    }

    /** GET requests with the spec's filters and page/page_size. */
    public List<Map<String, Object>> list(Open311Form form, Optional<Client> reader, boolean extensions) {
        List<String> ids = form.list("service_request_id");
        if (!ids.isEmpty()) {
            if (ids.size() > settings.maxIds()) {
                throw new InvalidInputException("service_request_id", labels.get("open311.error.ids", settings.maxIds()));
            }
            return documents(listed(feed.byNumbers(ids)), reader, extensions);
        }
        List<String> codes = form.list("service_code");
        codes.forEach(c -> services.find(c).orElseThrow(services::unknown));
        DateWindow window = DateWindow.of(form.one("start_date"), form.one("end_date"), clock, labels);
        Boolean ended = ended(form.list("status"));
        int pageSize = bounded(form.one("page_size"), "page_size", settings.defaultPageSize(), settings.maxPageSize());
        int page = bounded(form.one("page"), "page", 1, settings.maxPage());
        List<FeedCase> cases = feed.window(window.from(), window.to(), codes, ended, NOT_LISTED,
                (page - 1) * pageSize, pageSize);
        return documents(cases, reader, extensions);
    }

    /** GET requests/{id}. */
    public List<Map<String, Object>> one(String id, Optional<Client> reader, boolean extensions) {
        List<FeedCase> found = listed(feed.byNumbers(List.of(id)));
        if (found.isEmpty()) {
            throw new NotFoundException(labels.get("open311.error.request"));
        }
        return documents(found, reader, extensions);
    }

    /** GET tokens/{token}. */
    public List<Map<String, Object>> token(String token) {
        RequestLedger.Entry entry = ledger.byToken(token)
                .orElseThrow(() -> new NotFoundException(labels.get("open311.error.token")));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("service_request_id", entry.caseNumber());
        d.put("token", entry.token());
        return List.of(d);
    }

    private static List<FeedCase> listed(List<FeedCase> cases) {
        return cases.stream().filter(c -> !NOT_LISTED.contains(c.channel())).toList();
    }

    private List<Map<String, Object>> documents(List<FeedCase> cases, Optional<Client> reader, boolean extensions) {
        Map<String, RequestLedger.Entry> submitted = ledger.byCases(cases.stream().map(FeedCase::number).toList());
        List<Map<String, Object>> out = new ArrayList<>(cases.size());
        for (FeedCase c : cases) {
            RequestLedger.Entry entry = submitted.get(c.number());
            boolean own = entry != null && reader.isPresent() && reader.get().id() == entry.clientId();
            out.add(document(c, entry, own, extensions));
        }
        return out;
    }

    private Map<String, Object> document(FeedCase c, RequestLedger.Entry entry, boolean own, boolean extensions) {
        boolean closed = c.status().ended();
        Optional<CaseFeed.FeedContact> contact = own ? feed.contact(c.number()) : Optional.empty();
        if (own) {
            // 等保: personal data in clear leaves the system, to the client that gave it — recorded like a staff read
            audit.personalDataRead("case " + c.number(), "Open311 client " + entry.clientId() + " read its own request");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("service_request_id", c.number());
        d.put("status", StatusMapping.open311(c.status()));
        d.put("status_notes", labels.status(c.status()));
        String service = c.category() == null ? labels.get("open311.service.none") : c.category();
        d.put("service_name", service);
        d.put("service_code", service);
        d.put("description", description(c, own));
        d.put("agency_responsible", c.departmentName());
        d.put("service_notice", null);
        d.put("requested_datetime", W3Time.of(c.createdAt()));
        d.put("updated_datetime", W3Time.of(closed && c.closedAt() != null ? c.closedAt() : c.updatedAt()));
        d.put("expected_datetime", closed ? null : W3Time.of(c.dueAt()));
        d.put("address", contact.map(CaseFeed.FeedContact::address).orElse(null));
        d.put("address_id", null);
        d.put("zipcode", null);
        d.put("lat", point(c.lat(), own));
        d.put("long", point(c.lon(), own));
        d.put("media_url", entry == null ? null : entry.mediaUrl());
        if (extensions) {
            Map<String, Object> extended = new LinkedHashMap<>();
            extended.put("detailed_status", StatusMapping.detailed(c));
            extended.put("channel", c.channel().name().toLowerCase(java.util.Locale.ROOT));
            extended.put("merged_into", c.duplicateOf());
            if (own) {
                extended.put("contact_name", contact.map(CaseFeed.FeedContact::name).orElse(null));
                extended.put("contact_phone", contact.map(CaseFeed.FeedContact::phone).orElse(null));
            }
            d.put("extended_attributes", extended);
            d.put("notes", notes(c.number()));
        }
        return d;
    }

    /** The public steps of the case: what the resident reads of its history. */
    List<Map<String, Object>> notes(String number) {
        List<Map<String, Object>> notes = new ArrayList<>();
        for (CaseFeed.FeedNote n : feed.publicNotes(number)) {
            Map<String, Object> note = new LinkedHashMap<>();
            note.put("datetime", W3Time.of(n.at()));
            note.put("description", labels.note(n));
            note.put("type", n.action().name().toLowerCase(java.util.Locale.ROOT));
            notes.add(note);
        }
        return notes;
    }

    private static String description(FeedCase c, boolean own) {
        String text = c.content();
        if (text != null && text.length() > RequestSubmission.DESCRIPTION_LIMIT) {
            text = text.substring(0, RequestSubmission.DESCRIPTION_LIMIT - 1) + "…";
        }
        return own ? text : masked(text);
    }

    /** Each run of digits long enough to be a phone or ID number, masked as a phone number is. */
    static String masked(String text) {
        return Text.replaceLongNumbers(text, Masking::phone);
    }

    /** About 100 m for anyone but the submitting client: enough to see the street, not the door. */
    private static Double point(Double value, boolean own) {
        if (value == null || own) {
            return value;
        }
        return Math.round(value * 1000d) / 1000d;
    }

    private Boolean ended(List<String> statuses) {
        for (String s : statuses) {
            if (!s.equals("open") && !s.equals("closed")) {
                throw new InvalidInputException("status", labels.get("open311.error.status"));
            }
        }
        return statuses.size() == 1 ? statuses.get(0).equals("closed") : null;
    }

    private int bounded(String value, String field, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidInputException(field, labels.get("open311.error.bounded", field, max));
    }
}
