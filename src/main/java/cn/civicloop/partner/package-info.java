/**
 * Partner API (合作单位接口): the systems of linked agencies — insurers, utilities, property companies, departments
 * of the directory — work their cases without a person at a screen. Each system is a client of one agency with
 * client credentials (several keys with an expiry each, so a key is rotated with an overlap), exchanged for a
 * short-lived bearer token; it lists, reads, signs and replies to its agency's cases under the same rules and masking
 * as the agency's staff, and receives signed webhooks of new assignments and changes from a durable outbox. Its API
 * is this package: the administration of the clients, their keys, webhooks and dead letters (owner role: ADMIN).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partner API (合作单位接口)",
        allowedDependencies = {"shared", "cases", "directory", "security"})
package cn.civicloop.partner;
