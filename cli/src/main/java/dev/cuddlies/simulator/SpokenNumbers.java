package dev.cuddlies.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** "forty two" → 42, "a hundred" → 100, "36" → 36: what Alexa's AMAZON.NUMBER slot does with words. */
final class SpokenNumbers {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("a", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90));

    /** A number as typed or said: digits, or number words ("forty two", "a hundred and five"). Greedy. */
    static final String REGEX;

    static {
        String words = String.join("|", WORDS.keySet()) + "|hundred|thousand";
        REGEX = "(?:[0-9]+|" + words + ")(?: (?:" + words + "|and))*";
    }

    private SpokenNumbers() {
    }

    static OptionalLong parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', ' ');
        if (t.matches("[0-9]+")) {
            return OptionalLong.of(Long.parseLong(t));
        }
        long total = 0;
        long current = 0;
        boolean any = false;
        for (String word : t.split("\\s+")) {
            if (word.equals("and")) {
                continue;
            }
            if (word.equals("hundred")) {
                current = (current == 0 ? 1 : current) * 100;
            } else if (word.equals("thousand")) {
                total += (current == 0 ? 1 : current) * 1000;
                current = 0;
            } else if (WORDS.containsKey(word)) {
                current += WORDS.get(word);
            } else {
                return OptionalLong.empty();
            }
            any = true;
        }
        return any ? OptionalLong.of(total + current) : OptionalLong.empty();
    }
}
