package cn.civicloop.cases.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/**
 * Who may call the cases module's endpoints (ADR 0012). The staff pages and the API narrow it further to the cases
 * a member of staff may see (department, holder); the pages refuse other roles with a readable page.
 */
@Configuration(proxyBeanMethods = false)
class CaseEndpoints {

    @Bean
    EndpointOwners casesEndpointOwners() {
        Role[] caseRoles = { Role.OPERATOR, Role.TRIAGE_OFFICER, Role.HANDLER, Role.DEPT_HEAD, Role.LEADER };
        return EndpointOwners.of("cases")
                // residents, with the case number and its tracking token
                .paths("/api/v1/public/cases/**", "/track", "/track/**").open()
                // the governance loop's cases: only the roles that work on them (police, road chiefs and grid workers
                // reach cases through their own modules, never through these doors)
                .paths("/api/v1/cases", "/api/v1/cases/**").roles(caseRoles)
                // the case list's live channel: the same roles as the list
                .paths("/workbench/cases/stream").roles(caseRoles)
                .paths("/workbench/cases", "/workbench/cases/**").staff()
                // PIPL: what is held about a phone, for the centre's operator who answers a resident's request (the
                // district's one hotline desk); never administrators, who read no case, nor departments or police
                .paths("/api/v1/personal-data/lookup", "/api/v1/personal-data/export").roles(Role.OPERATOR)
                .paths("/api/v1/admin/time-limits", "/api/v1/admin/time-limits/**", "/api/v1/admin/escalation-ladder",
                        "/api/v1/admin/escalation-ladder/**", "/admin/sla", "/admin/sla/**").roles(Role.ADMIN)
                .build();
    }
}
