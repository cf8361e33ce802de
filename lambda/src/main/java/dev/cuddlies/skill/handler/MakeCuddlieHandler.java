package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import dev.cuddlies.maker.Budget;
import dev.cuddlies.maker.CuddlieMaker;
import dev.cuddlies.maker.MakeResult;
import dev.cuddlies.maker.PatternRequest;
import dev.cuddlies.pattern.PatternSpec;
import dev.cuddlies.skill.PhoneLink;
import dev.cuddlies.skill.RequestFacts;
import dev.cuddlies.skill.SizeAsk;
import dev.cuddlies.skill.SizeSlots;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** MakeCuddlieIntent: "make a teddy from my picture", "make a big plushie", "make a soft toy a foot tall". */
public final class MakeCuddlieHandler implements IntentRequestHandler {

    public static final String INTENT = "MakeCuddlieIntent";
    private static final Duration ANSWER_RESERVE = Duration.ofMillis(500);

    private final CuddlieMaker maker;
    private final PhoneLink phoneLink;
    private final Clock clock;
    private final Duration budget;

    public MakeCuddlieHandler(CuddlieMaker maker, PhoneLink phoneLink, Clock clock, Duration budget) {
        this.maker = maker;
        this.phoneLink = phoneLink;
        this.clock = clock;
        this.budget = budget;
    }

    @Override
    public boolean canHandle(HandlerInput input, IntentRequest request) {
        return request.getIntent().getName().equals(INTENT);
    }

    @Override
    public Optional<Response> handle(HandlerInput input, IntentRequest request) {
        SizeAsk ask = SizeSlots.read(request.getIntent());
        Optional<Response> question = SizeQuestions.ask(input, request.getIntent(), ask);
        if (question.isPresent()) {
            return question;
        }
        Locale locale = RequestFacts.locale(input);
        PatternRequest size = ask.absolute().orElse(PatternRequest.standard());
        PatternSpec spec = PatternSpec.defaults().withPaper(PatternAnswers.paper(ask.paper(), locale));
        MakeResult result = maker.make(RequestFacts.userId(input), size, spec, new Budget(clock, budget, ANSWER_RESERVE),
                RequestFacts.progressiveResponse(input));
        return PatternAnswers.answer(input, result, phoneLink);
    }
}
