package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.ui.Image;
import com.amazon.ask.response.ResponseBuilder;
import dev.cuddlies.maker.Budget;
import dev.cuddlies.maker.CuddlieMaker;
import dev.cuddlies.maker.MakeResult;
import dev.cuddlies.maker.PatternRequest;
import dev.cuddlies.pattern.Paper;
import dev.cuddlies.pattern.PatternSpec;
import dev.cuddlies.skill.Messages;
import dev.cuddlies.skill.PatternScreen;
import dev.cuddlies.skill.RequestFacts;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** MakeCuddlieIntent: "make a cuddlie from my picture", "make a big cuddlie", "make a 40 centimetre cuddlie". */
public final class MakeCuddlieHandler implements IntentRequestHandler {

    public static final String INTENT = "MakeCuddlieIntent";
    private static final Duration ANSWER_RESERVE = Duration.ofMillis(500);

    private final CuddlieMaker maker;
    private final Clock clock;
    private final Duration budget;

    public MakeCuddlieHandler(CuddlieMaker maker, Clock clock, Duration budget) {
        this.maker = maker;
        this.clock = clock;
        this.budget = budget;
    }

    @Override
    public boolean canHandle(HandlerInput input, IntentRequest request) {
        return request.getIntent().getName().equals(INTENT);
    }

    @Override
    public Optional<Response> handle(HandlerInput input, IntentRequest request) {
        Budget time = new Budget(clock, budget, ANSWER_RESERVE);
        Locale locale = RequestFacts.locale(input);
        PatternRequest size = PatternRequest.fromSlots(RequestFacts.slotId(input, "size").orElse(null),
                RequestFacts.slotValue(input, "height").orElse(null), RequestFacts.slotId(input, "unit").orElse(null));
        // North American printers take Letter paper; everyone else A4.
        Paper paper = Locale.US.equals(locale) || Locale.CANADA.equals(locale) ? Paper.LETTER : Paper.A4;
        MakeResult result = maker.make(RequestFacts.userId(input), size, PatternSpec.defaults().withPaper(paper), time,
                RequestFacts.progressiveResponse(input));
        ResponseBuilder rb = input.getResponseBuilder();
        if (result instanceof MakeResult.Made made) {
            String pdf = made.pdfLink().map(URI::toString).orElse(null);
            rb.withSpeech(Messages.made(made, locale)).withShouldEndSession(true);
            Optional<String> preview = made.previewLink().map(URI::toString).filter(u -> u.startsWith("https://"));
            if (preview.isPresent()) {
                rb.withStandardCard("Your cuddlie pattern", Messages.madeCardText(made, pdf),
                        Image.builder().withSmallImageUrl(preview.get()).withLargeImageUrl(preview.get()).build());
            } else {
                rb.withSimpleCard("Your cuddlie pattern", Messages.madeCardText(made, pdf));
            }
            if (RequestFacts.supportsApl(input) && preview.isPresent()) {
                rb.addDirective(PatternScreen.renderDocument(made, preview.get()));
            }
            return rb.build();
        }
        if (result instanceof MakeResult.NoPicture) {
            return rb.withSpeech(Messages.NO_PICTURE).withSimpleCard(Messages.SKILL_NAME, Messages.NO_PICTURE_CARD)
                    .withShouldEndSession(true).build();
        }
        String speech;
        if (result instanceof MakeResult.PictureRefused refused) {
            speech = Messages.refused(refused.reason());
        } else if (result instanceof MakeResult.NotSewable) {
            speech = Messages.notSewable();
        } else if (result instanceof MakeResult.TooSlow) {
            speech = Messages.tooSlow();
        } else {
            speech = Messages.unavailable();
        }
        return rb.withSpeech(speech).withShouldEndSession(true).build();
    }
}
