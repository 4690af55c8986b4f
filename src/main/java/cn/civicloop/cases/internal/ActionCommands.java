package cn.civicloop.cases.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.ActionField;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseActions;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Upload;

/** {@link CaseActions} on the {@link ActionCatalogue}: the one mapping from a request to a command. */
@Component
class ActionCommands implements CaseActions {

    private static final Set<CaseAction> MOVING = Collections.unmodifiableSet(EnumSet.copyOf(ActionCatalogue.all()
            .stream().filter(ActionEntry::movesCase).map(ActionEntry::action).toList()));

    @Override
    public CaseCommand command(String slug, Map<String, ?> values, List<Upload> photos) {
        ActionEntry entry = CaseAction.ofSlug(slug).map(ActionCatalogue::entry).filter(ActionEntry::takenByRequest)
                .orElseThrow(() -> new NotFoundException(
                        Phrase.of("problem.cases.no-such-action", "没有这个操作：{0}", slug)));
        return entry.command().apply(ActionValues.of(entry, values, photos == null ? List.of() : photos));
    }

    @Override
    public List<ActionField> fields(CaseAction action) {
        ActionEntry entry = ActionCatalogue.entry(action);
        return entry.takenByRequest() ? entry.fields() : List.of();
    }

    @Override
    public Set<CaseAction> movingBetweenHolders() {
        return MOVING;
    }
}
