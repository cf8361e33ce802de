package dev.cuddlies.skill;

import dev.cuddlies.maker.MakeResult;
import dev.cuddlies.maker.PatternRequest;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.pattern.Change;
import dev.cuddlies.pattern.Paper;

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
        return "I couldn't find a shape to sew in that outline; try another picture. Your picture is still there.";
    }

    /**
     * "At 30 centimetres its thin parts would change too much to sew, so I kept your picture. Say: make
     * a 45 centimetre soft toy, and it keeps its shape."
     */
    public static String needsBiggerSize(MakeResult.NeedsBiggerSize m, Locale locale) {
        if (m.keepsShapeAtMm().isEmpty()) {
            return "Its parts are too thin to sew without changing its shape a lot, even at a big size, so I kept "
                    + "your picture. A picture of a rounder figure works better.";
        }
        String bigger = LocaleSpeech.height(m.keepsShapeAtMm().getAsDouble(), locale);
        return "At " + plural(m.requestedHeightMm(), locale) + " its thin parts would change too much to sew, so I kept "
                + "your picture. Say: make " + article(bigger) + " " + bigger + " " + LocaleSpeech.toy(locale)
                + ", and it keeps its shape.";
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
            // Only the limit that was met is said: the range itself made this answer too long to follow.
            String limit = m.heightMm() > (PatternRequest.MIN_MM + PatternRequest.MAX_MM) / 2 ? "up to " + plural(PatternRequest.MAX_MM, locale)
                    : "at least " + plural(PatternRequest.MIN_MM, locale);
            return "I make toys " + limit + " tall, so your " + height + " pattern is in your Alexa app, on " + pages
                    + shapeChanged(m) + ".";
        }
        return "Your " + height + " pattern is in your Alexa app, on " + pages + shapeChanged(m) + ".";
    }

    /**
     * @param page    the phone page, where fresh PDF and SVG links are (a short link that does not expire)
     * @param pdfLink a direct PDF link, used only where there is no page
     */
    public static String madeCardText(MakeResult.Made m, java.util.Optional<java.net.URI> page, String pdfLink) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%.0f cm (%.0f in) tall, %.0f cm (%.0f in) wide.%n",
                m.heightMm() / 10, m.heightMm() / 25.4, m.widthMm() / 10, m.widthMm() / 25.4));
        s.append("A front, a mirrored back").append(m.sideStrip() ? ", a side strip" : "").append(" and a turning gap.\n");
        s.append("Pieces: ").append(String.join(", ", m.pieces())).append(".\n");
        s.append(String.format(Locale.ROOT, "%d %s page%s; print at 100%% and check the 5 cm square.%n", m.sheets(),
                paperWords(m.paper()), m.sheets() == 1 ? "" : "s"));
        if (m.sizeLimited()) {
            s.append(String.format(Locale.ROOT, "Sizes go from %.0f to %.0f cm; yours was limited to the nearest.%n",
                    PatternRequest.MIN_MM / 10, PatternRequest.MAX_MM / 10));
        }
        m.changes().forEach(c -> s.append("Note: ").append(changeNote(c)).append(".\n"));
        m.outlineNotes().forEach(n -> s.append("Note: ").append(n).append(".\n"));
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

    /** Said when thin parts were changed to be sewable; the card lists each change. */
    private static String shapeChanged(MakeResult.Made m) {
        boolean changed = m.changes().stream().anyMatch(c -> c.kind() == Change.Kind.WIDENED
                || c.kind() == Change.Kind.SEPARATE_PART || c.kind() == Change.Kind.CORD
                || c.kind() == Change.Kind.EMBROIDERED);
        return changed ? ", with thin parts made sewable" : "";
    }

    /** A change made to the shape, for the card: "2 thin parts are cut separately". */
    static String changeNote(Change c) {
        boolean one = c.count() == 1;
        String n = String.valueOf(c.count());
        return switch (c.kind()) {
            case WIDENED -> n + " thin part" + (one ? " was" : "s were") + " widened so " + (one ? "it" : "they")
                    + " can be turned";
            case SEPARATE_PART -> n + " thin part" + (one ? " is" : "s are") + " cut separately and sewn into the seam";
            case CORD -> n + " thin line" + (one ? " is a cord" : "s are cords") + " sewn into the seam";
            case EMBROIDERED -> n + " thin line" + (one ? " is" : "s are") + " embroidered";
            case ROUNDED_POINT -> n + " sharp point" + (one ? " was" : "s were") + " rounded";
            case SLIT_CLOSED -> n + " narrow slit" + (one ? " was" : "s were") + " closed";
            case DROPPED -> n + " speck" + (one ? " was" : "s were") + " left out";
        };
    }

    /** "an 8 inch", "an 11 inch", "an 18 centimetre", "an 80 centimetre": said "eight", "eleven", "eighteen", "eighty". */
    private static String article(String words) {
        String number = words.split(" ")[0];
        return number.startsWith("8") || number.equals("11") || number.equals("18") ? "an" : "a";
    }

    public static String paperWords(Paper paper) {
        return paper == Paper.LETTER ? "letter" : paper.name();
    }
}
