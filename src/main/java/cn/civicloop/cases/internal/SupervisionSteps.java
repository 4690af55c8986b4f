package cn.civicloop.cases.internal;

import static cn.civicloop.cases.CaseAction.*;

import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.directory.Actor;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.ConflictException;

/** 催办 and 督办 by the centre and leaders, and the department's answer to them. */
@Component
class SupervisionSteps implements ActionHandlers {

    private final Supervisions supervisions;

    SupervisionSteps(Supervisions supervisions) {
        this.supervisions = supervisions;
    }

    @Override
    public void register(Registry registry) {
        registry.on(URGE, CaseCommand.Urge.class, (c, command, actor, now) ->
                        raise(c, URGE, command.note(), actor, now))
                .on(SUPERVISE, CaseCommand.Supervise.class, (c, command, actor, now) ->
                        raise(c, SUPERVISE, command.note(), actor, now))
                .on(ACKNOWLEDGE, CaseCommand.Acknowledge.class, (c, command, actor, now) -> {
                    if (supervisions.acknowledgeAll(c.id, actor, now) == 0) {
                        throw new ConflictException(Phrase.of("problem.cases.nothing-to-acknowledge", "没有待回应的催办或督办"));
                    }
                    return Step.of(Required.optional("note", command.note(), Required.MAX_REMARK));
                });
    }

    private Step raise(Case c, CaseAction kind, String rawNote, Actor actor, Instant now) {
        String note = Required.optional("note", rawNote, Required.MAX_REMARK);
        supervisions.raise(c.id, kind, c.departmentId, actor.displayName(), note, now);
        return Step.of(note);
    }
}
