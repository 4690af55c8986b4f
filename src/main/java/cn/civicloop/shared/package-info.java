/**
 * Shared kernel (共享内核): the few types every module may use — domain exceptions that the API turns into
 * RFC 9457 problems, masking of personal data, the working-time calendar and the application clock.
 * Keep it tiny and free of entities: anything with a table belongs to a module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.civicloop.shared;
