package dev.cuddlies.skill;

import dev.cuddlies.maker.MakeResult;
import dev.cuddlies.maker.PatternRequest;
import dev.cuddlies.outline.OutlineException;

import java.util.Locale;

/**
 * Everything the skill says, in one place. Plain sentences, never an exception's own text. A spoken
 * answer is at most two sentences and about 30 words; details go to the card in the Alexa app.
 */
public final class Messages {

    /** The written brand; the invocation name is "cuddly maker" (what speech recognition hears). */
    public static final String SKILL_NAME = "Cuddlies";

    public static final String WELCOME = "Welcome to Cuddlies! Send me a picture of your child's favourite cartoon, "
            + "then say: make a cuddly toy.";
    public static final String WELCOME_REPROMPT = "Say: make a cuddly toy, or help.";
    public static final String HELP_REPROMPT = "What would you like: make a cuddly toy, or warm it up?";
    public static final String GOODBYE = "Goodbye. Happy sewing!";
    public static final String FALLBACK = "Sorry, I can't help with that. Say: make a cuddly toy, warm it up, or help.";
    public static final String ERROR = "Sorry, something went wrong on my side, but nothing was lost. Please try "
            + "again in a minute, or say help.";

    public static final String NO_PATTERN = "I haven't made a pattern for you yet. Send me a picture, then say: make a cuddly toy.";

    public static final String OFFER_SIZE = "Want a different size?";
    public static final String OFFER_SIZE_REPROMPT = "Want a different size? Say bigger, smaller, or no.";
    public static final String ASK_SIZE = "Small, medium, big or giant?";
    public static final String ASK_CHANGE = "Bigger or smaller?";
    public static final String NO_THANKS = "Okay. Happy sewing!";
    public static final String NOTHING_ASKED = "Say: make a cuddly toy, or warm it up.";
    public static final String START_OVER = "Okay, let's start again. Say: make a cuddly toy, or warm it up.";

    public static final String NO_PICTURE = "I don't have a picture from you yet, and there is no upload page "
            + "here. The Cuddlies card in your Alexa app says how to put one in place.";
    public static final String NO_PAGE = "There is no upload page here. The Cuddlies card in your Alexa app "
            + "says how to put a picture in place.";
    public static final String NO_PICTURE_CARD = "To send a picture, say: Alexa, ask cuddly maker to link my phone. "
            + "I'll give you a code for the upload page.\n"
            + "One cartoon figure on a plain or paper background works best.";
    public static final String UPLOAD_COMMAND_CARD = "Put a picture in place with:\n"
            + "java -jar cuddlies.jar upload PICTURE --user <your Alexa user id>\n"
            + "One cartoon figure on a plain or paper background works best.";
    public static final String NO_CODE = "I couldn't make a code for your phone just now. Please try again in a minute.";
    public static final String PAIRING_CARD_TITLE = "Send a picture";

    /**
     * Two short sentences: "I don't have a picture from you yet. On your phone, open cuddlies dot app
     * slash go and enter the code 4 7 1 9 2 6."
     */
    public static String pairing(java.net.URI page, String code, boolean noPictureYet) {
        String steps = "On your phone, open " + spokenAddress(page) + " and enter the code " + String.join(" ", code.split(""))
                + ".";
        return noPictureYet ? "I don't have a picture from you yet. " + steps : steps + " It works for ten minutes.";
    }

    public static String pairingCard(String address, String code) {
        return "On your phone, open " + address + " and enter the code " + code + " (it works once, for 10 minutes).\n"
                + "Then say: Alexa, ask cuddly maker to make a cuddly toy.";
    }

    /** The address as written on a card: no scheme, no trailing slash. */
    public static String address(java.net.URI page) {
        return page.toString().replaceFirst("^https?://", "").replaceFirst("/$", "");
    }

    /** The address as Alexa says it: "cuddlies dot app slash go". */
    static String spokenAddress(java.net.URI page) {
        return address(page).replace(".", " dot ").replace("/", " slash ").replace(":", " colon ").replace("-", " dash ");
    }

    private Messages() {
    }

    public static String help(Locale locale) {
        return "Send a picture of one cartoon figure, then say: make a cuddly toy, or make a "
                + LocaleSpeech.height(PatternRequest.MEDIUM_MM, locale) + " cuddly toy. When the toy is sewn with its "
                + "heater, say: warm it up.";
    }

    /** "Bigger, smaller, or a size like 12 inches?" */
    public static String askNewSize(Locale locale) {
        return "Bigger, smaller, or a size like " + LocaleSpeech.sizeExample(locale) + "?";
    }

    /** A number without a unit: "Is that 40 inches or 40 centimetres?" (the locale's own unit first). */
    public static String askUnit(double number, Locale locale) {
        String n = Math.rint(number) == number ? String.valueOf((long) number) : String.valueOf(number);
        return LocaleSpeech.inches(locale) ? "Is that " + n + " inches or " + n + " centimeters?"
                : "Is that " + n + " centimetres or " + n + " inches?";
    }

    /** A unit that was not understood. */
    public static String askUnit(Locale locale) {
        return LocaleSpeech.inches(locale) ? "Inches or centimeters?" : "Centimetres or inches?";
    }

    public static String refused(OutlineException.Reason reason) {
        String why = switch (reason) {
            case NOT_AN_IMAGE -> "That file isn't a picture I can read; PNG, JPEG, GIF, BMP and WebP work.";
            case CORRUPT -> "Your picture seems to be damaged or only half uploaded.";
            case TOO_LARGE, OVER_BUDGET -> "Your picture is too large for me.";
            case TOO_SMALL -> "Your picture is too small for me to trace.";
            case NO_FIGURE -> "I couldn't find a figure in your picture; one cartoon figure on a plain background works best.";
            case STOPPED -> "Tracing your picture took longer than I can wait.";
        };
        return why + " Upload another one and ask me again.";
    }

    public static String notSewable() {
        return "The figure is too thin to sew at that size. Try a bigger one; your picture is still there.";
    }

    public static String tooSlow() {
        return "The pattern maker is taking longer than usual. Your picture is safe; please try again in a minute.";
    }

    public static String unavailable() {
        return "I couldn't reach the pattern maker just now. Your picture is safe; please try again in a minute.";
    }

    /** "Your 12 inch pattern is in your Alexa app, on 4 letter pages." The offer follows it. */
    public static String made(MakeResult.Made m, Locale locale) {
        String height = LocaleSpeech.height(m.heightMm(), locale);
        String pages = m.sheets() + " " + paperWords(m.paper()) + (m.sheets() == 1 ? " page" : " pages");
        if (m.sizeLimited()) {
            return String.format(Locale.ROOT, "I make toys from %s to %s tall, so your %s pattern is in your Alexa app, on %s.",
                    plural(PatternRequest.MIN_MM, locale), plural(PatternRequest.MAX_MM, locale), height, pages);
        }
        return "Your " + height + " pattern is in your Alexa app, on " + pages + ".";
    }

    /**
     * @param page    the phone page, where fresh PDF and SVG links are (a short link that does not expire)
     * @param pdfLink a direct PDF link, used only where there is no page
     */
    public static String madeCardText(MakeResult.Made m, java.util.Optional<java.net.URI> page, String pdfLink) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%.0f cm (%.0f in) tall, %.0f cm (%.0f in) wide.%n",
                m.heightMm() / 10, m.heightMm() / 25.4, m.widthMm() / 10, m.widthMm() / 25.4));
        s.append("A front, a mirrored back").append(m.pieces().stream().anyMatch(p -> p.startsWith("GUSSET"))
                ? ", a side strip" : "").append(" and a turning gap.\n");
        s.append("Pieces: ").append(String.join(", ", m.pieces())).append(".\n");
        s.append(String.format(Locale.ROOT, "%d %s page%s; print at 100%% and check the 5 cm square.%n", m.sheets(),
                paperWords(m.paper()), m.sheets() == 1 ? "" : "s"));
        if (m.sizeLimited()) {
            s.append(String.format(Locale.ROOT, "Sizes go from %.0f to %.0f cm; yours was limited to the nearest.%n",
                    PatternRequest.MIN_MM / 10, PatternRequest.MAX_MM / 10));
        }
        m.notes().forEach(n -> s.append("Note: ").append(n).append(".\n"));
        if (m.source() == MakeResult.Source.PICTURE) {
            s.append(m.pictureKept() ? "Your picture will be deleted within a day; only the outline is kept.\n"
                    : "Your picture has been deleted; only the outline is kept.\n");
        }
        if (page.isPresent()) {
            s.append("Download the PDF and SVG: ").append(page.get());
        } else if (pdfLink != null) {
            s.append("Download the PDF (link valid for 7 days): ").append(pdfLink);
        }
        return s.toString();
    }

    /** "4 inches", "100 centimetres": a range end. */
    private static String plural(double mm, Locale locale) {
        return LocaleSpeech.height(mm, locale) + (LocaleSpeech.inches(locale) ? "es" : "s");
    }

    private static String paperWords(String paper) {
        return paper.equals("LETTER") ? "letter" : paper;
    }
}
