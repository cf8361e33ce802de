package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.ConversationState;
import dev.cuddlies.skill.Messages;

import java.util.Optional;

/** AMAZON.NoIntent: "no" to the offer ends the conversation kindly; with nothing asked, says what to say. */
public final class NoHandler implements IntentRequestHandler {

    public static final String INTENT = "AMAZON.NoIntent";

    @Override
    public boolean canHandle(HandlerInput input, IntentRequest request) {
        return request.getIntent().getName().equals(INTENT);
    }

    @Override
    public Optional<Response> handle(HandlerInput input, IntentRequest request) {
        ConversationState state = ConversationState.of(input);
        if (state.offer().isEmpty()) {
            return input.getResponseBuilder().withSpeech(Messages.NOTHING_ASKED).withReprompt(Messages.HELP_REPROMPT).build();
        }
        state.clearOffer();
        return input.getResponseBuilder().withSpeech(Messages.NO_THANKS).withShouldEndSession(true).build();
    }
}
