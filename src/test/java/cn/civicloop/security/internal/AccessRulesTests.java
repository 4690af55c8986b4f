package cn.civicloop.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;

/** The order in which the modules' endpoint owners are tried: specific before general, whoever declared first. */
class AccessRulesTests {

    private static EndpointOwners dispatch() {
        return EndpointOwners.of("dispatch")
                .paths("/api/v1/dispatch/**").roles(Role.POLICE_DISPATCHER, Role.LEADER)
                .paths(HttpMethod.POST, "/api/v1/dispatch/**").roles(Role.POLICE_DISPATCHER)
                .paths("/api/v1/dispatch/terminal/**", "/api/v1/dispatch/terminal").roles(Role.POLICE_OFFICER)
                .build();
    }

    private static EndpointOwners roads() {
        return EndpointOwners.of("roads")
                .paths("/roads", "/roads/**").roles(Role.ROAD_CHIEF, Role.GRID_WORKER, Role.LEADER)
                .paths("/roads/signs/**", "/roads/signs").open()
                .paths("/roads/whistles/**").roles(Role.ROAD_CHIEF, Role.HANDLER)
                .build();
    }

    private static EndpointOwners security() {
        return EndpointOwners.of("security").paths("/api/v1/admin/**", "/admin/**").roles(Role.ADMIN).build();
    }

    private static EndpointOwners directory() {
        return EndpointOwners.of("directory").paths("/api/v1/admin/staff/**").roles(Role.ADMIN)
                .paths("/api/v1/directory/**").staff().build();
    }

    private static List<String> order(List<EndpointOwners> declarations, boolean api) {
        return new AccessRules(declarations).of(api).stream()
                .map(r -> (r.method() == null ? "ANY" : r.method().name()) + " " + r.pattern()).toList();
    }

    @Test
    void theMostSpecificPatternComesFirstAndAMethodBeforeEveryMethod() {
        List<EndpointOwners> all = List.of(dispatch(), roads(), security(), directory());
        assertThat(order(all, true)).containsExactly(
                "ANY /api/v1/dispatch/terminal",
                "ANY /api/v1/dispatch/terminal/**",
                "ANY /api/v1/admin/staff/**",
                "ANY /api/v1/directory/**",
                "POST /api/v1/dispatch/**",
                "ANY /api/v1/dispatch/**",
                "ANY /api/v1/admin/**");
        assertThat(order(all, false)).containsExactly(
                "ANY /roads/signs",
                "ANY /roads",
                "ANY /roads/whistles/**",
                "ANY /roads/signs/**",
                "ANY /roads/**",
                "ANY /admin/**");
    }

    @Test
    void theOrderDoesNotDependOnTheOrderOfTheModulesBeans() {
        List<EndpointOwners> all = new ArrayList<>(List.of(dispatch(), roads(), security(), directory()));
        List<String> api = order(all, true);
        List<String> pages = order(all, false);
        Random random = new Random(12);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(all, random);
            assertThat(order(all, true)).isEqualTo(api);
            assertThat(order(all, false)).isEqualTo(pages);
        }
    }

    @Test
    void twoModulesClaimingOnePathDifferentlyStopTheStart() {
        EndpointOwners other = EndpointOwners.of("cases").paths("/api/v1/dispatch/**").staff().build();
        assertThatThrownBy(() -> new AccessRules(List.of(dispatch(), other)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two owners for ANY /api/v1/dispatch/**");
        // the same claim twice is no conflict
        EndpointOwners same = EndpointOwners.of("web").paths("/api/v1/admin/**").roles(Role.ADMIN).build();
        assertThat(new AccessRules(List.of(security(), same)).of(true)).hasSize(1);
    }

    private enum NotARole {
        CLERK
    }

    @Test
    void anOwnerThatIsNoRoleOfTheDirectoryStopsTheStart() {
        EndpointOwners odd = EndpointOwners.of("odd").paths("/odd").roles(NotARole.CLERK).build();
        assertThatThrownBy(() -> new AccessRules(List.of(odd))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLERK");
        assertThatThrownBy(() -> EndpointOwners.of("odd").paths("odd/**").open())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
