package cn.civicloop.planning.internal;

import cn.civicloop.shared.ConflictException;

/** This instance is already running a comparison (HTTP 409). */
class PlanningBusy extends ConflictException {

    PlanningBusy(long runningId) {
        super("本服务器正在进行另一项推演（第 " + runningId + " 号），请待其结束或取消后再试 "
                + "(another run, no. " + runningId + ", is in progress on this server; wait for it or cancel it)");
    }
}
