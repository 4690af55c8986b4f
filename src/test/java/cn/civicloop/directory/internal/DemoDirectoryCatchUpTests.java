package cn.civicloop.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.transaction.TestTransaction;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Department;
import cn.civicloop.support.ApiTest;

/**
 * A demo database started with an older seed file gets the departments, units and accounts a later file brings
 * (as the online-opinion partners JWJ/WXB/RMT were), once, without changing what is there. Run in a transaction
 * that is rolled back, so the shared test directory stays the demo's.
 */
@Transactional
class DemoDirectoryCatchUpTests extends ApiTest {

    private static final String SEED = """
            password-hash: "{bcrypt}$2a$10$liITskg9mIsAF43qBZaEeevHfNMLFYx3uIE3A4QC37b1vLEcQaHv6"
            departments:
              - {code: ZFJ, name: 改了名字也不会改, kind: FUNCTIONAL, units: [{code: ZFJ-1, name: 执法一中队}, {code: ZFJ-CU9, name: 执法九中队}]}
              - {code: CU-NEW, name: 新增的单位, kind: FUNCTIONAL}
            staff:
              - {username: opinion, name: 不会改名, roles: [HANDLER], department: CU-NEW}
              - {username: cu-new1, name: 新增账号, roles: [HANDLER], department: CU-NEW, phone: "13900000000"}
            """;

    @Autowired
    DirectoryStore store;

    @Autowired
    StaffAccounts staff;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDemoDirectoryGetsWhatItLacksOnceAndKeepsWhatItHas() throws Exception {
        DirectorySeeder seeder = new DirectorySeeder(store, staff, encoder, new DirectoryProperties(
                new ByteArrayResource(new byte[0]), new ByteArrayResource(SEED.getBytes(StandardCharsets.UTF_8)), true,
                new DirectoryProperties.InitialAdmin("secadmin", "安全管理员", ""), 10));
        try {
            String zfjName = store.departmentByCode("ZFJ").orElseThrow().name();
            long departments = count("directory_department");
            long accounts = count("directory_staff");

            seeder.run(new DefaultApplicationArguments());
            Department added = store.departmentByCode("CU-NEW").orElseThrow();
            Department unit = store.departmentByCode("ZFJ-CU9").orElseThrow();
            assertThat(unit.parentId()).isEqualTo(store.departmentByCode("ZFJ").orElseThrow().id());
            assertThat(store.departmentByCode("ZFJ").orElseThrow().name()).isEqualTo(zfjName);
            assertThat(count("directory_department")).isEqualTo(departments + 2);
            assertThat(count("directory_staff")).isEqualTo(accounts + 1);
            assertThat(staff.byUsername("cu-new1")).isPresent();
            assertThat(staff.byUsername("opinion").orElseThrow().actor().departmentId()).isNotEqualTo(added.id());

            seeder.run(new DefaultApplicationArguments());
            assertThat(count("directory_department")).isEqualTo(departments + 2);
            assertThat(count("directory_staff")).isEqualTo(accounts + 1);
        } finally {
            TestTransaction.flagForRollback();
            TestTransaction.end();
            store.departmentsChanged();
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
