package dev.cuddlies.simulator;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "twenty minutes", "an hour", "1 hour 30 minutes" → ISO-8601 as AMAZON.DURATION gives it (PT20M…). */
final class Durations {

    private static final Pattern PART = Pattern.compile("(.+?) (hours?|minutes?|mins?|seconds?)");

    private Durations() {
    }

    static Optional<String> iso8601(String heard) {
        String t = heard.toLowerCase(Locale.ROOT).replace(" and ", " ").replace("half an hour", "thirty minutes")
                .replace("an hour", "one hour").trim();
        Matcher m = PART.matcher(t);
        long hours = 0;
        long minutes = 0;
        long seconds = 0;
        int end = 0;
        while (m.find()) {
            if (!t.substring(end, m.start()).isBlank()) {
                return Optional.empty();
            }
            OptionalLong n = SpokenNumbers.parse(m.group(1).trim());
            if (n.isEmpty()) {
                return Optional.empty();
            }
            switch (m.group(2).charAt(0)) {
                case 'h' -> hours += n.getAsLong();
                case 'm' -> minutes += n.getAsLong();
                default -> seconds += n.getAsLong();
            }
            end = m.end();
        }
        if (end == 0 || !t.substring(end).isBlank()) {
            return Optional.empty();
        }
        return Optional.of("PT" + (hours > 0 ? hours + "H" : "") + (minutes > 0 ? minutes + "M" : "")
                + (seconds > 0 ? seconds + "S" : "") + (hours + minutes + seconds == 0 ? "0S" : ""));
    }
}
