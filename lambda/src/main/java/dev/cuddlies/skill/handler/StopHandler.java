package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.Messages;

import java.util.Optional;
import java.util.Set;

/** AMAZON.StopIntent and AMAZON.CancelIntent: say goodbye and end the session. */
public final class StopHandler implements IntentRequestHandler {

    public static final Set<String> INTENTS = Set.of("AMAZON.StopIntent", "AMAZON.CancelIntent");

    @Override
    public boolean canHandle(HandlerInput input, IntentRequest request) {
        return INTENTS.contains(request.getIntent().getName());
    }

    @Override
    public Optional<Response> handle(HandlerInput input, IntentRequest request) {
        return input.getResponseBuilder().withSpeech(Messages.GOODBYE).withShouldEndSession(true).build();
    }
}
