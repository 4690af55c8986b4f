/**
 * Web shell (页面外壳): home, login and the staff landing page; layout and static assets. Composes the pages of the
 * other modules and is depended on by none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell (页面)")
package cn.civicloop.web;
