package dev.cuddlies.skill;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;

import java.util.Map;
import java.util.Optional;

/**
 * What the skill remembers within one Alexa session (session attributes): the last pattern, for
 * follow-ups like "make it bigger"; the offer just made, for "yes" and "no"; and the last answer, for
 * "say that again".
 */
public final class ConversationState {

    /** A question the skill asked that "yes" or "no" answers. */
    public enum Offer {
        DIFFERENT_SIZE
    }

    /** The pattern follow-ups start from (its size and paper are stored with it, see MadeAt). */
    public record LastPattern(String patternId) {
    }

    private static final String PATTERN_ID = "lastPatternId";
    private static final String OFFER = "offer";
    private static final String LAST_SPEECH = "lastSpeech";

    private final Map<String, Object> attributes;

    private ConversationState(Map<String, Object> attributes) {
        this.attributes = attributes;
    }

    public static ConversationState of(HandlerInput input) {
        return new ConversationState(input.getAttributesManager().getSessionAttributes());
    }

    public Optional<LastPattern> lastPattern() {
        return attributes.get(PATTERN_ID) instanceof String id ? Optional.of(new LastPattern(id)) : Optional.empty();
    }

    public void rememberPattern(LastPattern p) {
        attributes.put(PATTERN_ID, p.patternId());
    }

    public Optional<Offer> offer() {
        if (attributes.get(OFFER) instanceof String name) {
            try {
                return Optional.of(Offer.valueOf(name));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public void offer(Offer offer) {
        attributes.put(OFFER, offer.name());
    }

    public void clearOffer() {
        attributes.remove(OFFER);
    }

    public Optional<String> lastSpeech() {
        return attributes.get(LAST_SPEECH) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public void lastSpeech(String ssml) {
        attributes.put(LAST_SPEECH, ssml);
    }

    /** Forget everything ("start over"). */
    public void clear() {
        attributes.clear();
    }
}
