package cn.civicloop.cases.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.NotFoundException;

/** Finds a case for someone: staff who may see it, or the resident with its tracking token. */
@Component
class CaseLookup {

    private final Cases cases;
    private final CoHandling coHandling;
    private final TrackingTokens tokens;

    CaseLookup(Cases cases, CoHandling coHandling, TrackingTokens tokens) {
        this.cases = cases;
        this.coHandling = coHandling;
        this.tokens = tokens;
    }

    /** The case with that number, if any, whoever asks (for the application's own reads). */
    Optional<Case> byNumber(String number) {
        return cases.byNumber(number);
    }

    /** The case, if it exists and {@code actor} may see it; a case one may not see cannot be acted on either. */
    Case readable(String number, Actor actor) {
        Case c = cases.byNumber(number).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.cases.no-such-case", "工单不存在：{0}", number)));
        if (!CaseAccess.canRead(actor, holders(c, actor))) {
            throw new ForbiddenException(Phrase.of("problem.cases.this-case-is-not-yours-to-see", "无权查看该工单"));
        }
        return c;
    }

    /**
     * What a resident reaches with a number and a code: his own case (the one the code was given for) and the case
     * that handles it, which is the same unless his case was merged into another (合并重复件). The code of a merged
     * duplicate opens the case it joined under either number; anything else does not exist for him.
     */
    record ResidentAccess(Case own, Case handling) {
        boolean merged() {
            return !own.id.equals(handling.id);
        }
    }

    /** Merges chained further than this are not followed (a case merged into a case later merged itself). */
    private static final int MAX_CHAIN = 8;

    ResidentAccess resident(String number, String token) {
        Case named = cases.byNumber(number).orElseThrow(CaseLookup::notFound);
        if (tokens.matches(named.number, token)) {
            return new ResidentAccess(named, handling(named));
        }
        Case own = mergedInto(named, token).orElseThrow(CaseLookup::notFound);
        return new ResidentAccess(own, handling(named));
    }

    /** The case that handles {@code c}: the end of its chain of merges, or {@code c} itself. */
    Case handling(Case c) {
        Case at = c;
        for (int i = 0; i < MAX_CHAIN && at.duplicateOf != null; i++) {
            Long next = at.duplicateOf;
            at = cases.byId(next).orElseThrow(() -> new IllegalStateException("merged into a missing case " + next));
        }
        return at;
    }

    /** A case merged (directly or along a chain) into {@code target} whose code {@code token} is. */
    private Optional<Case> mergedInto(Case target, String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        List<Long> level = List.of(target.id);
        for (int depth = 0; depth < MAX_CHAIN && !level.isEmpty(); depth++) {
            List<Case> merged = cases.mergedInto(level);
            Optional<Case> match = merged.stream().filter(d -> tokens.matches(d.number, token)).findFirst();
            if (match.isPresent()) {
                return match;
            }
            level = merged.stream().map(d -> d.id).toList();
        }
        return Optional.empty();
    }

    /** The one answer to a wrong number or code, whichever was wrong. */
    private static NotFoundException notFound() {
        return new NotFoundException(Phrase.of("problem.cases.no-case-with-this-number-and-token", "工单号或查询码不正确"));
    }

    CaseHolders holders(Case c) {
        return new CaseHolders(c.departmentId, c.unitId, coHandling.activeDepartments(c.id));
    }

    /**
     * Who holds the case, as far as {@code actor}'s rights depend on it: the application itself (triage's automatic
     * assignment, a timer) may read and act on every case, so it needs no co-handling departments and the query for
     * them is left out (three per automatically assigned appeal).
     */
    CaseHolders holders(Case c, Actor actor) {
        return actor.has(Role.SYSTEM) ? new CaseHolders(c.departmentId, c.unitId, Set.of()) : holders(c);
    }
}
