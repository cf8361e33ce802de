package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.SessionEndedRequestHandler;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.SessionEndedRequest;

import java.util.Optional;

/** The session ended (user quiet, or an error on Alexa's side): nothing may be said. */
public final class SessionEndedHandler implements SessionEndedRequestHandler {

    @Override
    public boolean canHandle(HandlerInput input, SessionEndedRequest request) {
        return true;
    }

    @Override
    public Optional<Response> handle(HandlerInput input, SessionEndedRequest request) {
        return input.getResponseBuilder().build();
    }
}
