package cn.civicloop.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP tests that need a database no other application writes to: every write extends one chain (the
 * audit log, whose verification the test reads whole), or numbers come in blocks per application (case numbers, in
 * which another application's block would leave a gap). One context for all of them, so that they cost one start and
 * one migration instead of one each; they still share it with each other, so each makes its own rows as usual.
 */
public abstract class OwnDatabaseApiTest extends ApiTest {

    /** The JDBC URL of that database: a named in-memory H2, or on PostgreSQL a database created afresh. */
    protected static final String DATABASE =
            Node.ownDatabase("own_application")[0].substring("--spring.datasource.url=".length());

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        // no test of this context looks an address up: generating the demo gazetteer costs seconds at every start
        registry.add("civicloop.places.seed-demo", () -> "false");
    }
}
