package cn.civicloop.planning.internal.model;

/**
 * One call for service in a stream: when it was received (seconds on the stream's own clock), where, its priority
 * (1 = emergency) and how long the unit stays on scene once there.
 */
public record Call(double receivedAt, PlanePoint where, int priority, double onSceneSeconds) {

    public Call {
        if (!(onSceneSeconds >= 0) || !Double.isFinite(receivedAt)) {
            throw new IllegalArgumentException("a call needs a finite time and a non-negative time on scene");
        }
    }
}
