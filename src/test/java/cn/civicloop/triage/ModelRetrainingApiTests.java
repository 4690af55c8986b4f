package cn.civicloop.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import cn.civicloop.support.ApiTest;
import cn.civicloop.support.Node;
import cn.civicloop.support.OwnH2Database;
import tools.jackson.databind.JsonNode;

/**
 * Retraining the classifier on an admin's request, in a context and on a database of its own: a retrained model
 * becomes the active one, and on a shared database it would change the suggestions the other triage tests read
 * (TriageApiTests asserts the top category of an unsure appeal).
 */
@ContextConfiguration(initializers = ModelRetrainingApiTests.Database.class)
// its own context anyway, and no address is looked up: the demo gazetteer would cost seconds at the start
@TestPropertySource(properties = "civicloop.places.seed-demo=false")
class ModelRetrainingApiTests extends ApiTest {

    static class Database extends OwnH2Database {
        @Override
        protected String name() {
            return "model_retraining";
        }
    }

    @Test
    void retrainingRunsInTheBackgroundAndKeepsTheBetterModel() {
        String admin = api.login("admin");
        assertThat(api.post("/api/v1/admin/routing/model/retrain", admin, Map.of()).status()).isEqualTo(202);
        Node.await(Duration.ofSeconds(30), "retraining", () -> !api.get("/api/v1/admin/routing/model", admin).json()
                .get("lastRetraining").isNull());
        JsonNode model = api.get("/api/v1/admin/routing/model", admin).json();
        assertThat(model.get("lastRetraining").get("reason").asString()).contains("macro-F1");
        assertThat(model.get("active").get("version").asString()).isNotBlank();
    }
}
