package cn.civicloop.opinion.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.opinion.Party;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;

/**
 * Who sees a topic. The opinion officer sees all; a district leader sees every topic but those about officials'
 * conduct; a department's staff see the topics whose response gives their department a task. A conduct topic is
 * seen only by the officer, the lead department and 纪委监委; to anyone else it does not exist (404).
 */
@Component
public class TopicAccess {

    private final Responses responses;
    private final LinkedResponses linked;

    TopicAccess(Responses responses, LinkedResponses linked) {
        this.responses = responses;
        this.linked = linked;
    }

    public boolean maySee(String topicId, Actor actor) {
        if (actor.has(Role.OPINION_OFFICER)) {
            return true;
        }
        Optional<Responses.Row> row = responses.ofTopic(topicId);
        if (row.isEmpty()) {
            return actor.has(Role.LEADER);
        }
        Optional<Responses.Task> task = linked.taskOf(row.get(), actor);
        if (row.get().conduct()) {
            return task.filter(t -> t.party() == Party.LEAD || t.party() == Party.CONDUCT).isPresent();
        }
        return actor.has(Role.LEADER) || task.isPresent();
    }

    /** Refuses with 404 a topic the actor may not see, as for one that does not exist. */
    public void check(String topicId, Actor actor) {
        if (!maySee(topicId, actor)) {
            throw new NotFoundException(Phrase.of("problem.opinion.topic-unknown", "没有话题 {0}", topicId));
        }
    }

    /** Leaves out the rows of conduct topics unless the actor is the opinion officer. */
    public <T> List<T> visible(List<T> rows, Function<T, String> topicOf, Actor actor) {
        if (actor.has(Role.OPINION_OFFICER)) {
            return rows;
        }
        Set<String> restricted = Set.copyOf(responses.restricted(rows.stream().map(topicOf).distinct()
                .collect(Collectors.toList())));
        return rows.stream().filter(r -> !restricted.contains(topicOf.apply(r))).toList();
    }

    /** The topics the actor's department has a task in, newest response first. */
    public List<String> topicsWithTask(Actor actor, int limit) {
        return actor.departmentId() == null ? List.of() : responses.topicsOfDepartment(actor.departmentId(), limit);
    }
}
