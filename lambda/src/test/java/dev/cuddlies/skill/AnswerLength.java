package dev.cuddlies.skill;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentences and words of a spoken answer (SSML tags removed). Issue 14: no main answer over two
 * sentences or 35 words; details go to the card.
 */
public record AnswerLength(String text, int sentences, int words) {

    public static final int MAX_SENTENCES = 2;
    public static final int MAX_WORDS = 35;

    public static AnswerLength of(String ssml) {
        String text = ssml.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
        int sentences = text.isEmpty() ? 0 : text.split("(?<=[.!?])\\s+").length;
        int words = text.isEmpty() ? 0 : text.split("\\s+").length;
        return new AnswerLength(text, sentences, words);
    }

    public boolean isShort() {
        return sentences <= MAX_SENTENCES && words <= MAX_WORDS;
    }

    /** @throws AssertionError naming the answer when it is too long */
    public void assertShort() {
        if (!isShort()) {
            throw new AssertionError("answer over " + MAX_SENTENCES + " sentences or " + MAX_WORDS + " words ("
                    + sentences + " sentences, " + words + " words): " + text);
        }
    }

    /** The speech and reprompt of a skill response envelope ({"response": {...}}), each measured. */
    public static List<AnswerLength> ofResponse(JsonNode envelope) {
        List<AnswerLength> out = new ArrayList<>();
        JsonNode response = envelope.path("response");
        for (JsonNode speech : List.of(response.path("outputSpeech"), response.path("reprompt").path("outputSpeech"))) {
            String ssml = speech.path("ssml").asText(speech.path("text").asText(""));
            if (!ssml.isBlank()) {
                out.add(of(ssml));
            }
        }
        return out;
    }
}
