package cn.civicloop.opinion.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.Channel;
import cn.civicloop.shared.SelectiveListener;

/**
 * A co-handler added to a response's case after the opening, from the case page, becomes a partner of the response
 * with its task and deadline ({@link LinkedResponses#adoptAddedPartners}). Only the steps that add a co-handler to a
 * case of the 网络舆情 channel are listened to, so no publication is stored for any other step.
 */
@Component
class LatePartners implements SelectiveListener {

    private final LinkedResponses responses;

    LatePartners(LinkedResponses responses) {
        this.responses = responses;
    }

    /** Whether the step may have added a partner to a response (the listener's condition). */
    public static boolean concerns(CaseTransitioned event) {
        return event.action() == CaseAction.ADD_CO_HANDLER && event.channel() == Channel.ONLINE_OPINION;
    }

    /** Only the steps {@link #concerns} names store a publication for this listener. */
    @Override
    public boolean takes(Object event) {
        return !(event instanceof CaseTransitioned t) || concerns(t);
    }

    @ApplicationModuleListener
    void on(CaseTransitioned event) {
        responses.adoptAddedPartners(event.number());
    }
}
