/**
 * Web shell (页面外壳): the home page, the staff landing page (workbench) and the admin landing, the locale switch,
 * the page layouts ({@code templates/fragments/}), the maps' settings for every page and the OpenAPI description.
 * Every page of a module is that module's own ({@code <module>.web}); the shell only links them.
 * <p>
 * Depended on by none: nothing may call into the shell.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell (页面)",
        allowedDependencies = {"shared", "directory", "security"})
package cn.civicloop.web;
