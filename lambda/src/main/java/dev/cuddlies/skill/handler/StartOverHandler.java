package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.ConversationState;
import dev.cuddlies.skill.Messages;

import java.util.Optional;

/** AMAZON.StartOverIntent: forgets this conversation (not the stored patterns) and starts again. */
public final class StartOverHandler implements IntentRequestHandler {

    public static final String INTENT = "AMAZON.StartOverIntent";

    @Override
    public boolean canHandle(HandlerInput input, IntentRequest request) {
        return request.getIntent().getName().equals(INTENT);
    }

    @Override
    public Optional<Response> handle(HandlerInput input, IntentRequest request) {
        ConversationState.of(input).clear();
        return input.getResponseBuilder().withSpeech(Messages.START_OVER).withReprompt(Messages.HELP_REPROMPT).build();
    }
}
