package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.LaunchRequestHandler;
import com.amazon.ask.model.LaunchRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.Messages;

import java.util.Optional;

/** "Alexa, open cuddly maker". */
public final class LaunchHandler implements LaunchRequestHandler {

    @Override
    public boolean canHandle(HandlerInput input, LaunchRequest request) {
        return true;
    }

    @Override
    public Optional<Response> handle(HandlerInput input, LaunchRequest request) {
        return input.getResponseBuilder().withSpeech(Messages.WELCOME).withReprompt(Messages.WELCOME_REPROMPT)
                .withSimpleCard(Messages.SKILL_NAME, Messages.NO_PICTURE_CARD).build();
    }
}
