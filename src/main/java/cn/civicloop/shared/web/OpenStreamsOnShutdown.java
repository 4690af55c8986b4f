package cn.civicloop.shared.web;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ends the open Server-Sent Events streams (e.g. the police terminals' order push) when the application stops.
 * Such a stream is an async request that never finishes by itself, so the web server's graceful shutdown waited
 * for it until {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s) ran out — every stop with a terminal
 * connected took 30 s, and every test JVM hung 30 s in its shutdown hook until surefire killed it. This bean
 * stops first (the highest phase): it completes the streams, their emitters' completion callbacks run as for a
 * client that went away, and the graceful shutdown then waits only for ordinary requests. The browsers'
 * EventSource reconnects to whichever instance serves next.
 */
@Component
class OpenStreamsOnShutdown extends OncePerRequestFilter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OpenStreamsOnShutdown.class);

    private final Set<AsyncContext> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (request.isAsyncStarted() && response.getContentType() != null
                && response.getContentType().startsWith("text/event-stream")) {
            AsyncContext async = request.getAsyncContext();
            if (open.add(async)) {
                async.addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        open.remove(async);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        open.remove(async);
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        open.remove(async);
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                        // not re-dispatched: nothing to do
                    }
                });
            }
        }
    }

    /** How many event streams are open now. */
    int openStreams() {
        return open.size();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        int n = 0;
        for (AsyncContext async : Set.copyOf(open)) {
            try {
                async.complete();
                n++;
            } catch (IllegalStateException alreadyDone) {
                // completed meanwhile by its emitter or the container
            }
            open.remove(async);
        }
        if (n > 0) {
            log.info("Closed {} open event stream(s) before the web server's graceful shutdown", n);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before everything else, in particular before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
