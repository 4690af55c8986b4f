package cn.civicloop.cluster.internal;

import cn.civicloop.cluster.ClusterSignals;

/** H2: one instance serves the database, so a signal only needs to reach this instance's subscribers. */
final class InProcessSignals implements ClusterSignals, AutoCloseable {

    private final LocalDelivery local = new LocalDelivery();

    @Override
    public void publish(String topic, String payload) {
        LocalDelivery.check(topic, payload);
        local.deliver(topic, payload);
    }

    @Override
    public Subscription subscribe(String topic, Subscriber subscriber) {
        return local.subscribe(topic, subscriber);
    }

    @Override
    public String transport() {
        return "in-process";
    }

    @Override
    public void close() {
        local.close();
    }
}
