/**
 * Cluster (集群): small signals between the instances of one CivicLoop cluster, so that a browser connected to any
 * instance hears about a change made on another — "incident 110-… changed", "a case of department 12 changed".
 * On PostgreSQL they travel by {@code LISTEN/NOTIFY} on one channel (a dedicated listening connection per instance);
 * on H2, which serves a single instance by definition, they are delivered in process. Signals are at most once and
 * carry only ids and kinds (PostgreSQL limits a payload to 8000 bytes): receivers re-fetch what they show, and
 * after a gap (the listening connection was lost) every subscriber is told to re-fetch everything. See ADR 0009.
 * <p>
 * Upstream of everything: it knows no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cluster signals (集群)", allowedDependencies = {})
package cn.civicloop.cluster;
