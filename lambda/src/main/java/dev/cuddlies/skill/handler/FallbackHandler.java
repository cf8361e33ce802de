package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.Messages;

import java.util.Optional;

/** AMAZON.FallbackIntent: what was said matches nothing the skill does. */
public final class FallbackHandler implements IntentRequestHandler {

    public static final String INTENT = "AMAZON.FallbackIntent";

    @Override
    public boolean canHandle(HandlerInput input, IntentRequest request) {
        return request.getIntent().getName().equals(INTENT);
    }

    @Override
    public Optional<Response> handle(HandlerInput input, IntentRequest request) {
        return input.getResponseBuilder().withSpeech(Messages.FALLBACK).withReprompt(Messages.HELP_REPROMPT).build();
    }
}
