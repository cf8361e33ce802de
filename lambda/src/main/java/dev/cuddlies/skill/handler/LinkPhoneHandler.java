package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.PhoneLink;

import java.util.Optional;

/** LinkPhoneIntent: "how do I send you a picture", "link my phone". */
public final class LinkPhoneHandler implements IntentRequestHandler {

    public static final String INTENT = "LinkPhoneIntent";

    private final PhoneLink phoneLink;

    public LinkPhoneHandler(PhoneLink phoneLink) {
        this.phoneLink = phoneLink;
    }

    @Override
    public boolean canHandle(HandlerInput input, IntentRequest request) {
        return request.getIntent().getName().equals(INTENT);
    }

    @Override
    public Optional<Response> handle(HandlerInput input, IntentRequest request) {
        return phoneLink.answer(input, false);
    }
}
