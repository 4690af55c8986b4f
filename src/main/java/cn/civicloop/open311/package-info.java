/**
 * Open311 (GeoReport v2 server): outside reporting systems — the city's service platform, apps that already speak
 * Open311 — list the district's services (the routing catalogue's categories), submit requests that become cases
 * through the normal intake on the channel {@code OPEN311}, and follow them (status open/closed, the FixMyStreet
 * extensions). Each system is a client with its own api_key; personal data goes back only to the client that
 * submitted it. Its API is this package: the administration of the clients.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311 (GeoReport v2)",
        allowedDependencies = {"shared", "cases", "intake", "triage", "directory", "geo", "security"})
package cn.civicloop.open311;
