/**
 * Dispatch (块警务 · 110 接处警): the computer-aided dispatch of the district's 110 centre. Blocks (块区) with their
 * posts, police units (巡组) of mixed officers in a 四班三运转 roster, incidents (警情) with every lifecycle stamp and
 * their duplicate calls, the unit status machine, GPS positions from the field terminals, the nearest-in-time
 * recommendation with a priority-1 reserve, one-click orders pushed to the unit's phone, the command map with
 * response-time figures, and the diversion of non-police calls to linked agencies as cases of the governance loop
 * (through {@code intake}, the agency named by the desk or by the routing catalogue of {@code triage}; their
 * feedback comes back by listening to {@code cases} events).
 * <p>
 * Root package = API: the enums others read, {@link cn.civicloop.dispatch.DispatchFeed} and the read-only
 * {@link cn.civicloop.dispatch.DispatchRecords} (a bounded period of incidents, the unit plan) that {@code planning}
 * runs its models on, and the events {@link cn.civicloop.dispatch.IncidentDispatched} and
 * {@link cn.civicloop.dispatch.IncidentCleared} (no caller data). {@code internal} holds the implementation ({@code internal.travel}: the travel-time models,
 * straight line or the road graph; settings in {@code internal.DispatchProperties}), {@code web} the pages and APIs.
 * It never reads another module's tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch (块警务·110)",
        allowedDependencies = {"shared", "directory", "geo", "cases", "intake", "triage", "cluster", "security"})
package cn.civicloop.dispatch;
