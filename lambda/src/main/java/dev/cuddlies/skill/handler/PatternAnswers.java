package dev.cuddlies.skill.handler;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.ui.Image;
import com.amazon.ask.response.ResponseBuilder;
import dev.cuddlies.maker.MakeResult;
import dev.cuddlies.skill.ConversationState;
import dev.cuddlies.skill.LocaleSpeech;
import dev.cuddlies.skill.Messages;
import dev.cuddlies.skill.PatternScreen;
import dev.cuddlies.skill.PhoneLink;
import dev.cuddlies.skill.RequestFacts;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what making (or remaking) a pattern came to into the answer: a made pattern is remembered for
 * follow-ups and the session stays open with one short offer; anything else says what happened.
 */
final class PatternAnswers {

    private PatternAnswers() {
    }

    static Optional<Response> answer(HandlerInput input, MakeResult result, PhoneLink phoneLink) {
        Locale locale = RequestFacts.locale(input);
        ResponseBuilder rb = input.getResponseBuilder();
        ConversationState state = ConversationState.of(input);
        if (result instanceof MakeResult.Made made) {
            state.rememberPattern(new ConversationState.LastPattern(made.patternId()));
            state.offer(ConversationState.Offer.DIFFERENT_SIZE);
            String pdf = made.pdfLink().map(URI::toString).orElse(null);
            rb.withSpeech(Messages.made(made, locale) + " " + Messages.OFFER_SIZE).withReprompt(Messages.OFFER_SIZE_REPROMPT);
            Optional<String> preview = made.previewLink().map(URI::toString).filter(u -> u.startsWith("https://"));
            if (preview.isPresent()) {
                rb.withStandardCard("Your pattern", Messages.madeCardText(made, phoneLink.page(), pdf),
                        Image.builder().withSmallImageUrl(preview.get()).withLargeImageUrl(preview.get()).build());
            } else {
                rb.withSimpleCard("Your pattern", Messages.madeCardText(made, phoneLink.page(), pdf));
            }
            if (RequestFacts.supportsApl(input) && preview.isPresent()) {
                rb.addDirective(PatternScreen.renderDocument(made, preview.get(),
                        made.stuffedLink().map(URI::toString).filter(u -> u.startsWith("https://"))));
            }
            return rb.build();
        }
        state.clearOffer();
        if (result instanceof MakeResult.NoPicture) {
            return phoneLink.answer(input, true);
        }
        String speech;
        if (result instanceof MakeResult.NoPattern) {
            speech = Messages.NO_PATTERN;
        } else if (result instanceof MakeResult.PictureRefused refused) {
            speech = Messages.refused(refused.reason());
        } else if (result instanceof MakeResult.NeedsBiggerSize bigger) {
            speech = Messages.needsBiggerSize(bigger, locale);
        } else if (result instanceof MakeResult.NotSewable) {
            speech = Messages.notSewable();
        } else if (result instanceof MakeResult.TooSlow) {
            speech = Messages.tooSlow();
        } else {
            speech = Messages.unavailable();
        }
        return rb.withSpeech(speech).withShouldEndSession(true).build();
    }

    /** The paper a new pattern is printed on: what was asked, else the locale's. */
    static dev.cuddlies.pattern.Paper paper(Optional<dev.cuddlies.pattern.Paper> asked, Locale locale) {
        return asked.orElse(LocaleSpeech.letterPaper(locale) ? dev.cuddlies.pattern.Paper.LETTER : dev.cuddlies.pattern.Paper.A4);
    }
}
