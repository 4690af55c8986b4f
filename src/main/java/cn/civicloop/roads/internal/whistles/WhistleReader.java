package cn.civicloop.roads.internal.whistles;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.Actor;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;

/** Whistles as their people read them; {@link WhistleAccess} decides who sees which. */
@Component
public class WhistleReader {

    private final WhistleStore store;
    private final WhistleScopes scopes;

    WhistleReader(WhistleStore store, WhistleScopes scopes) {
        this.store = store;
        this.scopes = scopes;
    }

    /** One whistle, whoever asks (the module's own use). */
    public WhistleView view(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.roads.no-such-whistle", "没有这次吹哨：{0}", id)));
    }

    /** One whistle for a reader who may see it; others get 403 — a department sees only the whistles that name it. */
    public WhistleView view(long id, Actor reader) {
        WhistleView w = view(id);
        WhistleScope scope = scopes.of(reader);
        if (!WhistleAccess.seesAll(scope)) {
            WhistleAccess.requireSee(scope, store.facts(id).orElseThrow());
        }
        return w;
    }

    /** The whistles a reader may see, open ones first, then the latest. */
    public List<WhistleView> visible(Actor reader, int limit) {
        WhistleScope scope = scopes.of(reader);
        List<Long> ids = WhistleAccess.seesAll(scope) ? store.latestIds(limit) : store.visibleIds(scope, limit);
        return ids.stream().map(this::view).toList();
    }

    /** The named department of this whistle the person answers for, if any (his department or his unit's). */
    public Optional<Long> departmentOf(WhistleView w, Actor actor) {
        return WhistleAccess.respondingDepartment(scopes.of(actor),
                w.departments().stream().map(WhistleView.Responder::departmentId).toList());
    }

    /** Whether the person may blow a whistle: first- and second-level chiefs and street office staff. */
    public boolean mayBlow(Actor actor) {
        return WhistleAccess.mayBlow(scopes.of(actor));
    }
}
