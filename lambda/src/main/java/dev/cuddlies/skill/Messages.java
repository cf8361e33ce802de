package dev.cuddlies.skill;

import dev.cuddlies.maker.MakeResult;
import dev.cuddlies.maker.PatternRequest;
import dev.cuddlies.outline.OutlineException;

import java.util.Locale;

/** Everything the skill says, in one place. Plain sentences; never an exception's own text. */
public final class Messages {

    public static final String SKILL_NAME = "Cuddlie Maker";

    public static final String WELCOME = "Welcome to Cuddlie Maker. I turn a picture of your child's favourite "
            + "cartoon into a sewing pattern for a cuddly toy. Once you've uploaded a picture, say: make a cuddlie "
            + "from my picture.";
    public static final String WELCOME_REPROMPT = "Say: make a cuddlie from my picture. Or say help.";
    public static final String HELP = "Upload a picture of one cartoon figure on a plain background, then say: "
            + "make a cuddlie from my picture. You can ask for a size, like a big cuddlie, or a forty centimetre "
            + "cuddlie. I'll make a printable pattern with a front, a back and a turning gap, send it to your Alexa "
            + "app, and delete your picture. What would you like to do?";
    public static final String HELP_REPROMPT = "Say: make a cuddlie from my picture.";
    public static final String GOODBYE = "Goodbye. Happy sewing!";
    public static final String FALLBACK = "Sorry, Cuddlie Maker can't help with that. You can say: make a cuddlie "
            + "from my picture, or help.";
    public static final String ERROR = "Sorry, something went wrong on my side. Nothing was lost. Please try again "
            + "in a minute, or say help.";
    public static final String PROGRESS = "Tracing your picture. This takes a few seconds.";

    public static final String NO_PICTURE = "I don't have a picture from you yet. Upload a picture of one cartoon "
            + "figure on a plain background, then ask me again to make a cuddlie. The Cuddlie Maker card in your "
            + "Alexa app says how.";
    public static final String NO_PICTURE_CARD = "Upload a picture first. Until the upload page exists, run:\n"
            + "java -jar cuddlies.jar upload PICTURE --user <your Alexa user id>\n"
            + "One cartoon figure on a plain or paper background works best.";

    private Messages() {
    }

    public static String refused(OutlineException.Reason reason) {
        String why = switch (reason) {
            case NOT_AN_IMAGE -> "The file you uploaded isn't a picture I can read. PNG, JPEG, GIF, BMP and WebP work.";
            case CORRUPT -> "Your picture seems to be damaged or only half uploaded.";
            case TOO_LARGE -> "Your picture is too large for me.";
            case TOO_SMALL -> "Your picture is too small for me to trace.";
            case NO_FIGURE -> "I couldn't find a figure in your picture. One cartoon figure on a plain background "
                    + "works best.";
        };
        return why + " Your picture is still there; upload a new one and ask me again.";
    }

    public static String notSewable() {
        return "The figure is too thin to sew at that size. Try asking for a bigger cuddlie. Your picture is still there.";
    }

    public static String tooSlow() {
        return "The pattern maker is taking longer than usual. Your picture is safe; please try again in a minute.";
    }

    public static String unavailable() {
        return "I couldn't reach the pattern maker just now. Your picture is safe; please try again in a minute.";
    }

    /** "a 30 centimetre pattern with a front, a back and a turning gap, on 4 A4 pages." */
    public static String made(MakeResult.Made m, Locale locale) {
        StringBuilder s = new StringBuilder("Done! I made ");
        s.append(article(heightWords(m.heightMm(), locale))).append(' ')
                .append(heightWords(m.heightMm(), locale)).append(" pattern with a front, a back");
        if (m.pieces().stream().anyMatch(p -> p.startsWith("GUSSET"))) {
            s.append(", a side strip");
        }
        s.append(" and a turning gap, on ").append(m.sheets()).append(' ').append(paperWords(m.paper()))
                .append(m.sheets() == 1 ? " page. " : " pages. ");
        if (m.sizeLimited()) {
            s.append(String.format(Locale.ROOT, "I can make cuddlies from %d to %d %s tall, so I made it %s. ",
                    (int) (PatternRequest.MIN_MM / 10), (int) (PatternRequest.MAX_MM / 10), cm(locale, true),
                    heightWords(m.heightMm(), locale)));
        }
        if (m.notes().stream().anyMatch(n -> n.startsWith("widened"))) {
            s.append("I made some thin parts wider so they can be turned right side out. ");
        }
        s.append("I've sent it to your Alexa app. ");
        s.append(m.pictureKept() ? "Your picture will be deleted within a day; only the outline is kept."
                : "Your picture has been deleted; only the outline is kept.");
        return s.toString();
    }

    public static String madeCardText(MakeResult.Made m, String pdfLink) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%.0f cm (%.0f in) tall, %.0f cm (%.0f in) wide.%n",
                m.heightMm() / 10, m.heightMm() / 25.4, m.widthMm() / 10, m.widthMm() / 25.4));
        s.append("Pieces: ").append(String.join(", ", m.pieces())).append(".\n");
        s.append(String.format(Locale.ROOT, "%d %s page%s; print at 100%% and check the 5 cm square.%n", m.sheets(),
                paperWords(m.paper()), m.sheets() == 1 ? "" : "s"));
        m.notes().forEach(n -> s.append("Note: ").append(n).append(".\n"));
        if (pdfLink != null) {
            s.append("Download the PDF (link valid for 7 days): ").append(pdfLink);
        }
        return s.toString();
    }

    static String heightWords(double mm, Locale locale) {
        if (Locale.US.equals(locale)) {
            return String.format(Locale.ROOT, "%d inch", Math.round(mm / 25.4));
        }
        return String.format(Locale.ROOT, "%d %s", Math.round(mm / 10), cm(locale, false));
    }

    private static String cm(Locale locale, boolean plural) {
        String word = Locale.US.equals(locale) || Locale.CANADA.equals(locale) ? "centimeter" : "centimetre";
        return plural ? word + "s" : word;
    }

    private static String article(String words) {
        // "an 8 inch", "an 11 inch", "an 18 centimetre", "an 80 centimetre": said as "eight", "eleven", "eighteen", "eighty".
        String number = words.split(" ")[0];
        return number.startsWith("8") || number.equals("11") || number.equals("18") ? "an" : "a";
    }

    private static String paperWords(String paper) {
        return paper.equals("LETTER") ? "letter" : paper;
    }
}
