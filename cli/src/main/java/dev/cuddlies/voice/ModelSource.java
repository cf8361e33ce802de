package dev.cuddlies.voice;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one source of every locale's interaction model ({@code voice/interaction-model.yaml}), and the
 * Alexa interaction-model JSON it stands for in each locale. Locale differences are variants of the
 * source (us, ca, gb), never separate copies. Mistakes Alexa would only report at build time (a sample
 * in two intents, a slot a sample names but the intent lacks, a digit in a sample) fail here.
 */
public final class ModelSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String ALL = "all";

    private final JsonNode source;

    private ModelSource(JsonNode source) {
        this.source = source;
    }

    public static ModelSource read(Path yaml) throws IOException {
        return new ModelSource(new YAMLMapper().readTree(yaml.toFile()));
    }

    /** Locale tag (en-US) to variant (us), in the source's order. */
    public Map<String, String> locales() {
        Map<String, String> out = new LinkedHashMap<>();
        source.path("locales").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** The interaction model of one locale, as the skill package holds it. */
    public ObjectNode model(String locale) {
        String variant = locales().get(locale);
        if (variant == null) {
            throw new IllegalArgumentException("no locale " + locale + " in the source");
        }
        Phrases phrases = new Phrases(name -> words(name, variant));
        ObjectNode root = JSON.createObjectNode();
        ObjectNode im = root.putObject("interactionModel");
        ObjectNode language = im.putObject("languageModel");
        language.put("invocationName", source.path("invocationName").asText());

        ArrayNode intents = language.putArray("intents");
        Map<String, String> sampleOwner = new HashMap<>();
        for (JsonNode intent : source.path("intents")) {
            String name = intent.path("name").asText();
            ObjectNode out = intents.addObject();
            out.put("name", name);
            Set<String> slotNames = new LinkedHashSet<>();
            if (intent.has("slots")) {
                ArrayNode slots = out.putArray("slots");
                for (JsonNode slot : intent.path("slots")) {
                    ObjectNode s = slots.addObject();
                    s.put("name", slot.path("name").asText());
                    s.put("type", slot.path("type").asText());
                    slotNames.add(slot.path("name").asText());
                    if (slot.has("samples")) {
                        ArrayNode samples = s.putArray("samples");
                        expandAll(phrases, slot.path("samples")).forEach(samples::add);
                    }
                }
            }
            ArrayNode samples = out.putArray("samples");
            for (String sample : expandAll(phrases, intent.path("samples"))) {
                check(name, sample, slotNames);
                String other = sampleOwner.putIfAbsent(sample.toLowerCase(Locale.ROOT), name);
                if (other != null && !other.equals(name)) {
                    throw new IllegalArgumentException("\"" + sample + "\" is a sample of both " + other + " and " + name);
                }
                samples.add(sample);
            }
        }

        ArrayNode types = language.putArray("types");
        for (JsonNode type : source.path("types")) {
            ObjectNode t = types.addObject();
            t.put("name", type.path("name").asText());
            ArrayNode values = t.putArray("values");
            Set<String> seen = new HashSet<>();
            for (JsonNode value : type.path("values")) {
                String canonical = byVariant(value.path("value"), variant);
                ObjectNode v = values.addObject();
                v.put("id", value.path("id").asText());
                ObjectNode n = v.putObject("name");
                n.put("value", canonical);
                seen.add(canonical.toLowerCase(Locale.ROOT));
                ArrayNode synonyms = n.putArray("synonyms");
                for (String synonym : expandAll(phrases, value.path("synonyms"))) {
                    // A synonym may not repeat a value or another synonym of the type.
                    if (seen.add(synonym.toLowerCase(Locale.ROOT))) {
                        synonyms.add(synonym);
                    }
                }
            }
        }

        dialog(im, variant);
        return root;
    }

    /** The model as the committed file holds it: two-space indents, one value a line, newline at the end. */
    public String modelText(String locale) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer(printer).writeValueAsString(model(locale)) + "\n";
    }

    /** Samples in each intent, for reports. */
    public static Map<String, Integer> sampleCounts(JsonNode model) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode intent : model.path("interactionModel").path("languageModel").path("intents")) {
            counts.put(intent.path("name").asText(), intent.path("samples").size());
        }
        return counts;
    }

    private void dialog(ObjectNode im, String variant) {
        JsonNode dialogs = source.path("dialogs");
        if (dialogs.isEmpty()) {
            return;
        }
        ObjectNode dialog = im.putObject("dialog");
        // The handlers decide what to ask (Dialog.ElicitSlot); the model names the prompts and validations.
        dialog.put("delegationStrategy", "SKILL_RESPONSE");
        ArrayNode intents = dialog.putArray("intents");
        Set<String> usedPrompts = new LinkedHashSet<>();
        for (JsonNode intent : source.path("intents")) {
            if (!intent.has("dialog")) {
                continue;
            }
            JsonNode spec = dialogs.path(intent.path("dialog").asText());
            if (spec.isMissingNode()) {
                throw new IllegalArgumentException("no dialog " + intent.path("dialog").asText());
            }
            ObjectNode d = intents.addObject();
            d.put("name", intent.path("name").asText());
            d.put("confirmationRequired", false);
            d.putObject("prompts");
            ArrayNode slots = d.putArray("slots");
            for (JsonNode slot : intent.path("slots")) {
                String slotName = slot.path("name").asText();
                JsonNode slotSpec = spec.path("slots").path(slotName);
                ObjectNode s = slots.addObject();
                s.put("name", slotName);
                s.put("type", slot.path("type").asText());
                s.put("confirmationRequired", false);
                s.put("elicitationRequired", false);
                ObjectNode prompts = s.putObject("prompts");
                if (!slotSpec.isMissingNode()) {
                    String prompt = slotSpec.path("prompt").asText();
                    prompts.put("elicitation", "Elicit.Slot." + prompt);
                    usedPrompts.add(prompt);
                    ArrayNode validations = s.putArray("validations");
                    ObjectNode validation = validations.addObject();
                    validation.put("type", slotSpec.path("validation").asText());
                    validation.put("prompt", "Slot.Validation." + prompt);
                }
            }
        }
        ArrayNode prompts = im.putArray("prompts");
        for (String name : usedPrompts) {
            String text = byVariant(source.path("prompts").path(name), variant);
            for (String kind : List.of("Elicit.Slot.", "Slot.Validation.")) {
                ObjectNode p = prompts.addObject();
                p.put("id", kind + name);
                ObjectNode variation = p.putArray("variations").addObject();
                variation.put("type", "PlainText");
                variation.put("value", text);
            }
        }
    }

    private List<String> words(String name, String variant) {
        JsonNode list = source.path("words").path(name);
        if (list.isMissingNode()) {
            throw new IllegalArgumentException("unknown word list [" + name + "]");
        }
        List<String> out = new ArrayList<>();
        for (String key : List.of(ALL, variant)) {
            list.path(key).forEach(w -> out.add(w.asText()));
        }
        return out;
    }

    private static String byVariant(JsonNode value, String variant) {
        if (value.isTextual()) {
            return value.asText();
        }
        JsonNode v = value.has(variant) ? value.get(variant) : value.path(ALL);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("no value for variant " + variant + " in " + value);
        }
        return v.asText();
    }

    private static List<String> expandAll(Phrases phrases, JsonNode notations) {
        Set<String> out = new LinkedHashSet<>();
        for (Iterator<JsonNode> it = notations.elements(); it.hasNext(); ) {
            out.addAll(phrases.expand(it.next().asText()));
        }
        return new ArrayList<>(out);
    }

    private static void check(String intent, String sample, Set<String> slots) {
        if (sample.matches(".*[0-9].*")) {
            throw new IllegalArgumentException(intent + " sample has a digit (Alexa refuses them): " + sample);
        }
        Matcher m = SLOT.matcher(sample);
        while (m.find()) {
            if (!slots.contains(m.group(1))) {
                throw new IllegalArgumentException(intent + " has no slot {" + m.group(1) + "}: " + sample);
            }
        }
        if (sample.matches(".*}\\s*\\{.*")) {
            throw new IllegalArgumentException(intent + " sample has two slots side by side: " + sample);
        }
        // Alexa refuses a slot glued to a word ("{toy}'s"): a possessive is written with the literal word.
        if (sample.matches(".*(}[^\\s]|[^\\s]\\{).*")) {
            throw new IllegalArgumentException(intent + " sample has a slot joined to a word: " + sample);
        }
    }
}
