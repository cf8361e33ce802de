package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.Messages;
import dev.cuddlies.skill.RequestFacts;
import dev.cuddlies.skill.SizeAsk;

import java.util.Locale;
import java.util.Optional;

/**
 * When a size was said but not understood ("make it 40", "make it enormous-ish"), asks about that slot
 * with Dialog.ElicitSlot (the interaction model's dialog section names these slots) instead of guessing.
 */
final class SizeQuestions {

    private SizeQuestions() {
    }

    /** The question to ask, or empty when the ask is clear. */
    static Optional<Response> ask(HandlerInput input, Intent intent, SizeAsk ask) {
        if (ask.unclear().isEmpty()) {
            return Optional.empty();
        }
        Locale locale = RequestFacts.locale(input);
        String question = switch (ask.unclear().get()) {
            case UNIT -> ask.numberWithoutUnit().isPresent() ? Messages.askUnit(ask.numberWithoutUnit().getAsDouble(), locale)
                    : Messages.askUnit(locale);
            case SIZE -> Messages.ASK_SIZE;
            case CHANGE -> Messages.ASK_CHANGE;
        };
        return input.getResponseBuilder().addElicitSlotDirective(ask.unclear().get().slot(), intent)
                .withSpeech(question).withReprompt(question).build();
    }
}
