package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.ConversationState;
import dev.cuddlies.skill.Messages;

import java.util.Optional;

/** AMAZON.RepeatIntent: says the last answer of this session again (kept by LastSpeechInterceptor). */
public final class RepeatHandler implements IntentRequestHandler {

    public static final String INTENT = "AMAZON.RepeatIntent";

    @Override
    public boolean canHandle(HandlerInput input, IntentRequest request) {
        return request.getIntent().getName().equals(INTENT);
    }

    @Override
    public Optional<Response> handle(HandlerInput input, IntentRequest request) {
        String ssml = ConversationState.of(input).lastSpeech().orElse(null);
        if (ssml == null) {
            return input.getResponseBuilder().withSpeech(Messages.NOTHING_ASKED).withReprompt(Messages.HELP_REPROMPT).build();
        }
        String said = ssml.replaceAll("^<speak>|</speak>$", "");
        return input.getResponseBuilder().withSpeech(said).withReprompt(Messages.HELP_REPROMPT).build();
    }
}
