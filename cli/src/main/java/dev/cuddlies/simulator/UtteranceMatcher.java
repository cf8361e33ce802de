package dev.cuddlies.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches typed sentences against an interaction model's own sample utterances, as the developer
 * console's simulator does: {@code {slot}} placeholders capture words, custom slot values resolve to
 * their ids through values and synonyms, numbers and durations are read from words.
 */
public final class UtteranceMatcher {

    /** A matched intent with its slots (value as heard, and resolved id when the type has one). */
    public record Match(String intent, Map<String, Slot> slots) {
    }

    public record Slot(String value, String resolvedId, String resolvedName) {
    }

    private record Sample(String intent, Pattern pattern, List<String> slotNames, int literalChars) {
    }

    /** Built-in intents answer to these even though the model lists no samples for them. */
    private static final Map<String, String> BUILT_INS = Map.ofEntries(
            Map.entry("help", "AMAZON.HelpIntent"), Map.entry("help me", "AMAZON.HelpIntent"),
            Map.entry("stop", "AMAZON.StopIntent"), Map.entry("shut up", "AMAZON.StopIntent"),
            Map.entry("never mind", "AMAZON.CancelIntent"), Map.entry("cancel", "AMAZON.CancelIntent"),
            Map.entry("go home", "AMAZON.NavigateHomeIntent"), Map.entry("home", "AMAZON.NavigateHomeIntent"));

    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> slotTypes = new HashMap<>();
    private final Map<String, Map<String, String[]>> typeValues = new HashMap<>(); // type -> spoken -> {id, name}
    private final String invocationName;

    public UtteranceMatcher(JsonNode model) {
        JsonNode language = model.path("interactionModel").path("languageModel");
        invocationName = language.path("invocationName").asText();
        for (JsonNode type : language.path("types")) {
            Map<String, String[]> values = new HashMap<>();
            for (JsonNode v : type.path("values")) {
                String id = v.path("id").asText(v.path("name").path("value").asText());
                String name = v.path("name").path("value").asText();
                values.put(normalise(name), new String[] {id, name});
                for (JsonNode syn : v.path("name").path("synonyms")) {
                    values.put(normalise(syn.asText()), new String[] {id, name});
                }
            }
            typeValues.put(type.path("name").asText(), values);
        }
        for (JsonNode intent : language.path("intents")) {
            String name = intent.path("name").asText();
            for (JsonNode slot : intent.path("slots")) {
                slotTypes.put(name + "." + slot.path("name").asText(), slot.path("type").asText());
            }
            for (JsonNode sample : intent.path("samples")) {
                samples.add(compile(name, sample.asText(), slotTypes));
            }
        }
    }

    public static UtteranceMatcher forLocale(String locale) throws IOException {
        try (InputStream in = UtteranceMatcher.class.getResourceAsStream("/interactionModels/" + locale + ".json")) {
            if (in == null) {
                throw new IOException("no interaction model for " + locale);
            }
            return new UtteranceMatcher(new ObjectMapper().readTree(in));
        }
    }

    public String invocationName() {
        return invocationName;
    }

    /** The best-matching intent, or empty when nothing matches (Alexa would pick FallbackIntent). */
    public Optional<Match> match(String sentence) {
        String text = normalise(sentence);
        if (BUILT_INS.containsKey(text)) {
            return Optional.of(new Match(BUILT_INS.get(text), Map.of()));
        }
        Match best = null;
        int bestScore = -1;
        for (Sample s : samples) {
            Matcher m = s.pattern.matcher(text);
            if (!m.matches()) {
                continue;
            }
            Map<String, Slot> slots = new LinkedHashMap<>();
            boolean ok = true;
            for (int i = 0; i < s.slotNames.size(); i++) {
                String slotName = s.slotNames.get(i);
                Optional<Slot> slot = resolve(slotTypes.get(s.intent + "." + slotName), m.group(i + 1));
                if (slot.isEmpty()) {
                    ok = false;
                    break;
                }
                slots.put(slotName, slot.get());
            }
            // More literal words matched is a more specific sample; slots that resolve beat ones that don't.
            int score = s.literalChars * 10 + slots.values().stream().mapToInt(v -> v.resolvedId() != null ? 1 : 0).sum();
            if (ok && score > bestScore) {
                best = new Match(s.intent, slots);
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private Optional<Slot> resolve(String type, String heard) {
        if (type == null) {
            return Optional.of(new Slot(heard, null, null));
        }
        switch (type) {
            case "AMAZON.NUMBER" -> {
                OptionalLong n = SpokenNumbers.parse(heard);
                return n.isPresent() ? Optional.of(new Slot(String.valueOf(n.getAsLong()), null, null)) : Optional.empty();
            }
            case "AMAZON.DURATION" -> {
                return Durations.iso8601(heard).map(d -> new Slot(d, null, null));
            }
            default -> {
                Map<String, String[]> values = typeValues.get(type);
                if (values == null) {
                    return Optional.of(new Slot(heard, null, null));
                }
                String[] idName = values.get(normalise(heard));
                // Custom slot types are not closed lists: an unknown value still fills the slot, unresolved.
                return Optional.of(idName == null ? new Slot(heard, null, null) : new Slot(heard, idName[0], idName[1]));
            }
        }
    }

    /** "make a {size} cuddlie" → "make a (.+?) cuddlie", word by word. */
    private static Sample compile(String intent, String sample, Map<String, String> types) {
        List<String> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int literal = 0;
        for (String token : sample.trim().split("\\s+")) {
            if (token.startsWith("{") && token.endsWith("}")) {
                String slot = token.substring(1, token.length() - 1);
                names.add(slot);
                // Numbers capture greedily so "forty two centimetres" splits as 42 + unit.
                parts.add("AMAZON.NUMBER".equals(types.get(intent + "." + slot)) ? "(" + SpokenNumbers.REGEX + ")" : "(.+?)");
            } else {
                String word = normalise(token);
                if (!word.isEmpty()) {
                    literal += word.length();
                    parts.add(Pattern.quote(word));
                }
            }
        }
        return new Sample(intent, Pattern.compile(String.join(" ", parts)), names, literal);
    }

    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").replaceAll("\\s+", " ").trim();
    }
}
