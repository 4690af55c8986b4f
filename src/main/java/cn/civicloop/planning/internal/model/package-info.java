/**
 * The models behind the planning page: does patrolling inside a block beat waiting at the station?
 * <p>
 * Pure computation, no Spring beans and no database: Larson's hypercube queueing model ({@link Hypercube},
 * exact for small fleets, Larson's 1975 approximation up to a few dozen units) and a discrete-event simulator in
 * virtual time ({@link DispatchSimulator}) that replays one call stream against one deployment under the two
 * policies "坐等接警" ({@link cn.civicloop.planning.DispatchPolicy#STATION}) and "动态巡处"
 * ({@link cn.civicloop.planning.DispatchPolicy#PATROL}). Distances live on a local plane in kilometres
 * ({@link PlanePoint}); travel is straight line × detour factor ÷ speed ({@link StraightLineTravel}), so nothing here
 * needs a road network. Long solves and runs stop when their thread is interrupted.
 */
package cn.civicloop.planning.internal.model;
