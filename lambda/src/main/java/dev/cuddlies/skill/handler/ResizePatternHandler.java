package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.Slot;
import com.amazon.ask.model.SlotConfirmationStatus;
import dev.cuddlies.maker.Budget;
import dev.cuddlies.maker.CuddlieMaker;
import dev.cuddlies.maker.Resize;
import dev.cuddlies.pattern.PatternSpec;
import dev.cuddlies.skill.ConversationState;
import dev.cuddlies.skill.Messages;
import dev.cuddlies.skill.PhoneLink;
import dev.cuddlies.skill.RequestFacts;
import dev.cuddlies.skill.SizeAsk;
import dev.cuddlies.skill.SizeSlots;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ResizePatternIntent: "make it bigger", "make it 40 centimetres", "make another on letter paper". A new
 * pattern from the outline kept with the last one, without a picture.
 */
public final class ResizePatternHandler implements IntentRequestHandler {

    public static final String INTENT = "ResizePatternIntent";
    private static final List<String> SLOTS = List.of("change", "size", "heightCm", "heightMm", "heightM", "heightIn",
            "heightFt", "length", "height", "unit", "paper");
    private static final Duration ANSWER_RESERVE = Duration.ofMillis(500);

    private final CuddlieMaker maker;
    private final PhoneLink phoneLink;
    private final Clock clock;
    private final Duration budget;

    public ResizePatternHandler(CuddlieMaker maker, PhoneLink phoneLink, Clock clock, Duration budget) {
        this.maker = maker;
        this.phoneLink = phoneLink;
        this.clock = clock;
        this.budget = budget;
    }

    /** The intent with no slot filled, for asking which size ("yes" to "Want a different size?"). */
    public static Intent emptyIntent() {
        Map<String, Slot> slots = new LinkedHashMap<>();
        SLOTS.forEach(s -> slots.put(s, Slot.builder().withName(s).withConfirmationStatus(SlotConfirmationStatus.NONE).build()));
        return Intent.builder().withName(INTENT).withConfirmationStatus(IntentConfirmationStatus.NONE).withSlots(slots).build();
    }

    @Override
    public boolean canHandle(HandlerInput input, IntentRequest request) {
        return request.getIntent().getName().equals(INTENT);
    }

    @Override
    public Optional<Response> handle(HandlerInput input, IntentRequest request) {
        Locale locale = RequestFacts.locale(input);
        SizeAsk ask = SizeSlots.read(request.getIntent());
        if (ask.isEmpty()) {
            String question = Messages.askNewSize(locale);
            return input.getResponseBuilder().addElicitSlotDirective("change", request.getIntent())
                    .withSpeech(question).withReprompt(question).build();
        }
        Optional<Response> question = SizeQuestions.ask(input, request.getIntent(), ask);
        if (question.isPresent()) {
            return question;
        }
        // The session's last pattern, else (a new session) the newest stored one; its made.json says its size.
        Optional<String> last = ConversationState.of(input).lastPattern().map(ConversationState.LastPattern::patternId);
        Resize resize = ask.absolute().<Resize>map(Resize.To::new)
                .or(() -> ask.change().map(Resize.By::new))
                .orElse(new Resize.Same());
        return PatternAnswers.answer(input, maker.remake(RequestFacts.userId(input), last, resize, ask.paper(),
                PatternSpec.defaults().withPaper(PatternAnswers.paper(Optional.empty(), locale)),
                new Budget(clock, budget, ANSWER_RESERVE)), phoneLink);
    }
}
