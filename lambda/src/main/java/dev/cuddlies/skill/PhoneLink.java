package dev.cuddlies.skill;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import com.amazon.ask.response.ResponseBuilder;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.storage.StorageException;
import dev.cuddlies.web.PairingCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Optional;

/**
 * Answers "how do I send you a picture" (and making a cuddlie with no picture): a fresh pairing code
 * for the phone page, spoken with the page's address, on the card, and as a QR code on screens.
 */
public final class PhoneLink {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneLink.class);

    private final Optional<URI> page;
    private final PairingCodes codes;
    private final UserKeys userKeys;

    /** @param page the phone page's address, or empty where none is deployed */
    public PhoneLink(Optional<URI> page, PairingCodes codes, UserKeys userKeys) {
        this.page = page;
        this.codes = codes;
        this.userKeys = userKeys;
    }

    /** The page's address, for the card of a finished pattern. */
    public Optional<URI> page() {
        return page;
    }

    /** @param noPictureYet say first that there is no picture (the user asked to make a cuddlie) */
    public Optional<Response> answer(HandlerInput input, boolean noPictureYet) {
        ResponseBuilder rb = input.getResponseBuilder().withShouldEndSession(true);
        if (page.isEmpty()) {
            return rb.withSpeech(noPictureYet ? Messages.NO_PICTURE : Messages.NO_PAGE)
                    .withSimpleCard(Messages.SKILL_NAME, Messages.UPLOAD_COMMAND_CARD).build();
        }
        PairingCodes.Issued issued;
        try {
            issued = codes.issue(userKeys.of(RequestFacts.userId(input)));
        } catch (StorageException e) {
            LOG.warn("no pairing code: {} ({})", e.kind(), e.getMessage());
            return rb.withSpeech(Messages.NO_CODE).build();
        }
        String address = Messages.address(page.get());
        rb.withSpeech(Messages.pairing(page.get(), issued.code(), noPictureYet))
                .withSimpleCard(Messages.PAIRING_CARD_TITLE, Messages.pairingCard(address, issued.code()));
        if (RequestFacts.supportsApl(input)) {
            rb.addDirective(PairingScreen.renderDocument(URI.create(page.get() + "#code=" + issued.code()), address,
                    issued.code()));
        }
        return rb.build();
    }
}
