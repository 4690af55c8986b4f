package cn.civicloop.partner.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.civicloop.cases.CaseActions;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.DepartmentFeed;
import cn.civicloop.cases.TimelineEntry;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Upload;

/**
 * What an agency's system does with its cases, through the cases module's own commands and reads as the agency's
 * handler ({@link PartnerPrincipal#actor()}): the same rights, states and masking as its staff. A case of another
 * holder does not exist for the system (404, never 403, so that numbers cannot be probed).
 */
@Service
public class PartnerCases {

    private final DepartmentFeed feed;
    private final CaseQueries queries;
    private final CaseManagement management;
    private final CaseActions actions;
    private final PartnerProperties settings;

    PartnerCases(DepartmentFeed feed, CaseQueries queries, CaseManagement management, CaseActions actions,
            PartnerProperties settings) {
        this.feed = feed;
        this.queries = queries;
        this.management = management;
        this.actions = actions;
        this.settings = settings;
    }

    /** One page of the agency's cases in the order they changed, and the cursor of the next page (null at the end). */
    public record Page(List<DepartmentFeed.HeldCase> items, String next) {
    }

    public Page list(PartnerPrincipal system, String status, Instant since, String after, Integer limit) {
        int size = limit == null ? settings.defaultPageSize() : limit;
        if (size < 1 || size > settings.maxPageSize()) {
            throw new InvalidInputException("limit", Phrase.of("problem.partner.limit", "limit 应为 1 到 {0}",
                    settings.maxPageSize()));
        }
        CaseStatus state = null;
        if (status != null && !status.isBlank()) {
            try {
                state = CaseStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", Phrase.of("problem.partner.status", "没有该状态：{0}", status));
            }
        }
        List<DepartmentFeed.HeldCase> items = feed.changed(system.departmentId(), state, since, cursor(after), size);
        String next = items.size() < size ? null : encode(items.get(items.size() - 1).cursor());
        return new Page(items, next);
    }

    public CaseView view(PartnerPrincipal system, String number) {
        try {
            return queries.view(number, system.actor());
        } catch (ForbiddenException e) {
            throw notFound(number);
        }
    }

    public List<TimelineEntry> timeline(PartnerPrincipal system, String number) {
        view(system, number);
        return queries.timeline(number, system.actor());
    }

    public CaseQueries.Photo photo(PartnerPrincipal system, String number, long attachmentId) {
        view(system, number);
        return queries.photo(number, attachmentId, system.actor());
    }

    public CaseView sign(PartnerPrincipal system, String number, String note) {
        return perform(system, number, "sign", note == null ? Map.of() : Map.of("note", note), List.of());
    }

    public CaseView reply(PartnerPrincipal system, String number, String text, List<Upload> photos) {
        return perform(system, number, "reply", text == null ? Map.of() : Map.of("text", text), photos);
    }

    private CaseView perform(PartnerPrincipal system, String number, String slug, Map<String, ?> values,
            List<Upload> photos) {
        view(system, number); // another holder's case: 404 before anything is checked or written
        return management.perform(number, actions.command(slug, values, photos), system.actor());
    }

    private static NotFoundException notFound(String number) {
        return new NotFoundException(Phrase.of("problem.cases.no-such-case", "工单不存在：{0}", number));
    }

    /** The cursor is opaque to the system: base64url of "seconds.nanos.id". */
    static String encode(DepartmentFeed.Cursor c) {
        String raw = c.updatedAt().getEpochSecond() + "." + c.updatedAt().getNano() + "." + c.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static DepartmentFeed.Cursor cursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after.strip()), StandardCharsets.UTF_8).split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException(after);
            }
            return new DepartmentFeed.Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new InvalidInputException("after", Phrase.of("problem.partner.cursor", "翻页游标无效"));
        }
    }
}
