package dev.cuddlies.skill.interceptor;

import com.amazon.ask.dispatcher.exception.ExceptionHandler;
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Anything a handler did not expect: logged with its stack trace, answered with a helpful sentence. */
public final class PoliteErrorHandler implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PoliteErrorHandler.class);

    @Override
    public boolean canHandle(HandlerInput input, Throwable throwable) {
        return true;
    }

    @Override
    public Optional<Response> handle(HandlerInput input, Throwable throwable) {
        LOG.error("request {} failed", input.getRequestEnvelope().getRequest().getRequestId(), throwable);
        return input.getResponseBuilder().withSpeech(Messages.ERROR).withReprompt(Messages.HELP_REPROMPT).build();
    }
}
