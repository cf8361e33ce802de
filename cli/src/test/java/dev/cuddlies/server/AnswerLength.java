package dev.cuddlies.server;

import static org.assertj.core.api.Assertions.assertThat;

/** Sentences and words of a spoken answer (SSML tags removed). */
record AnswerLength(String text, int sentences, int words) {

    static final int MAX_SENTENCES = 2;
    static final int MAX_WORDS = 35;

    static AnswerLength of(String ssml) {
        String text = ssml.replaceAll("<[^>]+>", " ").trim();
        int sentences = text.isEmpty() ? 0 : text.split("(?<=[.!?])\\s+").length;
        int words = text.isEmpty() ? 0 : text.split("\\s+").length;
        return new AnswerLength(text, sentences, words);
    }

    void assertShort() {
        assertThat(sentences).as("sentences in: " + text).isLessThanOrEqualTo(MAX_SENTENCES);
        assertThat(words).as("words in: " + text).isLessThanOrEqualTo(MAX_WORDS);
    }
}
