package cn.civicloop.planning;

import java.time.Duration;

import cn.civicloop.support.Api;
import tools.jackson.databind.JsonNode;

/** Reads a run over the API until it is no longer RUNNING (or 90 s have passed), as a client of the API would. */
public final class RunPolling {

    private RunPolling() {
    }

    public static JsonNode awaitFinished(Api api, long id, String user) {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            JsonNode run = api.get("/api/v1/planning/runs/" + id, api.login(user)).json();
            if (!"RUNNING".equals(run.get("status").asString()) || System.nanoTime() > end) {
                return run;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
