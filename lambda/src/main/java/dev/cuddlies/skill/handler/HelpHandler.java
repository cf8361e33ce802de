package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.Messages;
import dev.cuddlies.skill.RequestFacts;

import java.util.Optional;

/** AMAZON.HelpIntent: making a pattern and warming the toy, in two sentences; the card has the details. */
public final class HelpHandler implements IntentRequestHandler {

    public static final String INTENT = "AMAZON.HelpIntent";

    @Override
    public boolean canHandle(HandlerInput input, IntentRequest request) {
        return request.getIntent().getName().equals(INTENT);
    }

    @Override
    public Optional<Response> handle(HandlerInput input, IntentRequest request) {
        return input.getResponseBuilder().withSpeech(Messages.help(RequestFacts.locale(input)))
                .withReprompt(Messages.HELP_REPROMPT).withSimpleCard(Messages.SKILL_NAME, Messages.NO_PICTURE_CARD).build();
    }
}
