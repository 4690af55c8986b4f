package cn.civicloop.dispatch.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * 四班三运转: four crews A–D, three 8-hour shifts a day, one crew resting. Each crew moves one step a day through
 * night → day → evening → rest, so that the four crews fill the four slots of every day and the cycle repeats
 * every four days (rest between two shifts: 24 h, 24 h, then 32 h around the rest day).
 */
public final class RosterGenerator {

    public static final List<String> CREWS = List.of("A", "B", "C", "D");

    /** One shift of one day worked by one crew. */
    public record Duty(LocalDate date, Shift shift, String crew, ZonedDateTime starts, ZonedDateTime ends) {
    }

    private final LocalDate epoch;
    private final ZoneId zone;

    public RosterGenerator(LocalDate epoch, ZoneId zone) {
        this.epoch = epoch;
        this.zone = zone;
    }

    /** The crew in slot 0 (night), 1 (day), 2 (evening) or 3 (rest) on a date. */
    public String crewInSlot(LocalDate date, int slot) {
        long day = ChronoUnit.DAYS.between(epoch, date);
        // crew c is in slot (day + c) mod 4, hence slot s holds crew (s - day) mod 4
        return CREWS.get((int) Math.floorMod(slot - day, 4L));
    }

    public String restingCrew(LocalDate date) {
        return crewInSlot(date, 3);
    }

    public List<Duty> duties(LocalDate from, LocalDate toInclusive) {
        List<Duty> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(toInclusive); d = d.plusDays(1)) {
            for (Shift s : Shift.values()) {
                ZonedDateTime start = d.atTime(s.start()).atZone(zone);
                out.add(new Duty(d, s, crewInSlot(d, s.ordinal()), start, start.plusHours(8)));
            }
        }
        return out;
    }
}
