package cn.civicloop.planning.internal;

import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.Phrase;

/** This instance is already running a comparison (HTTP 409). */
class PlanningBusy extends ConflictException {

    PlanningBusy(long runningId) {
        super(Phrase.of("problem.planning.busy", "本服务器正在进行另一项推演（第 {0} 号），请待其结束或取消后再试。",
                runningId));
    }
}
