package cn.civicloop.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A resident channel for the tests: keeps every attempt, and fails every attempt for {@link #UNREACHABLE}, like a
 * gateway that rejects one number.
 */
public class RecordingResidentChannel implements ResidentChannel {

    public static final String NAME = "recording";
    public static final String UNREACHABLE = "13900009999";

    /** One call of {@link #send}. */
    public record Attempt(ResidentMessage message, Instant at, boolean accepted) {
    }

    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public RecordingResidentChannel(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(ResidentMessage message) throws Exception {
        boolean accepted = !UNREACHABLE.equals(message.recipient());
        attempts.add(new Attempt(message, clock.instant(), accepted));
        if (!accepted) {
            throw new java.io.IOException("gateway rejected " + message.recipient());
        }
    }

    public List<Attempt> attemptsFor(String caseNumber) {
        return attempts.stream().filter(a -> a.message().caseNumber().equals(caseNumber)).toList();
    }
}
