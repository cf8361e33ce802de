package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.skill.ConversationState;
import dev.cuddlies.skill.Messages;
import dev.cuddlies.skill.RequestFacts;

import java.util.Optional;

/** AMAZON.YesIntent: "yes" to "Want a different size?" asks which size; with nothing asked, says what to say. */
public final class YesHandler implements IntentRequestHandler {

    public static final String INTENT = "AMAZON.YesIntent";

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
        String question = Messages.askNewSize(RequestFacts.locale(input));
        return input.getResponseBuilder().addElicitSlotDirective("change", ResizePatternHandler.emptyIntent())
                .withSpeech(question).withReprompt(question).build();
    }
}
