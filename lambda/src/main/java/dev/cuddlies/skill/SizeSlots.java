package dev.cuddlies.skill;

import com.amazon.ask.model.Intent;
import com.amazon.ask.model.Slot;
import com.amazon.ask.model.slu.entityresolution.Resolution;
import com.amazon.ask.model.slu.entityresolution.StatusCode;
import dev.cuddlies.maker.LengthUnit;
import dev.cuddlies.maker.PatternRequest;
import dev.cuddlies.pattern.Paper;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the size slots of MakeCuddlieIntent and ResizePatternIntent. A length carries its unit in the
 * slot's name (heightCm, heightIn ...) or in {@code unit}; a custom slot counts only when Alexa resolved
 * it to one of the model's values, and one said but not resolved is reported as unclear.
 */
public final class SizeSlots {

    private static final Map<String, LengthUnit> UNIT_SLOTS = Map.of(
            "heightMm", LengthUnit.MM, "heightCm", LengthUnit.CM, "heightM", LengthUnit.METRE,
            "heightIn", LengthUnit.INCH, "heightFt", LengthUnit.FOOT);

    private SizeSlots() {
    }

    public static SizeAsk read(Intent intent) {
        Map<String, Slot> slots = intent.getSlots() == null ? Map.of() : intent.getSlots();
        Optional<SizeAsk.Unclear> unclear = Optional.empty();

        OptionalDouble lengthMm = OptionalDouble.empty();
        for (Map.Entry<String, LengthUnit> e : UNIT_SLOTS.entrySet()) {
            OptionalDouble n = number(slots.get(e.getKey()));
            if (n.isPresent()) {
                lengthMm = OptionalDouble.of(e.getValue().toMm(n.getAsDouble()));
            }
        }
        Slot spoken = slots.get("length");
        if (lengthMm.isEmpty() && said(spoken)) {
            Optional<SpokenLength> length = resolved(spoken).flatMap(id -> named(SpokenLength.class, id));
            if (length.isPresent()) {
                lengthMm = OptionalDouble.of(length.get().mm());
            } else {
                unclear = Optional.of(SizeAsk.Unclear.UNIT);
            }
        }
        OptionalDouble numberWithoutUnit = OptionalDouble.empty();
        OptionalDouble bare = number(slots.get("height"));
        if (lengthMm.isEmpty() && bare.isPresent()) {
            Slot unitSlot = slots.get("unit");
            Optional<LengthUnit> unit = resolved(unitSlot).flatMap(id -> named(LengthUnit.class, id));
            if (unit.isPresent()) {
                lengthMm = OptionalDouble.of(unit.get().toMm(bare.getAsDouble()));
            } else {
                numberWithoutUnit = bare;
                unclear = Optional.of(SizeAsk.Unclear.UNIT);
            }
        }

        Optional<PatternRequest.Size> size = resolved(slots.get("size")).flatMap(id -> named(PatternRequest.Size.class, id));
        if (size.isEmpty() && said(slots.get("size"))) {
            unclear = unclear.or(() -> Optional.of(SizeAsk.Unclear.SIZE));
        }
        Optional<PatternRequest.Change> change = resolved(slots.get("change"))
                .flatMap(id -> named(PatternRequest.Change.class, id));
        if (change.isEmpty() && said(slots.get("change"))) {
            unclear = unclear.or(() -> Optional.of(SizeAsk.Unclear.CHANGE));
        }
        // An unknown paper is not worth a question: the locale's paper is used.
        Optional<Paper> paper = resolved(slots.get("paper")).flatMap(id -> named(Paper.class, id));
        return new SizeAsk(size, lengthMm, numberWithoutUnit, change, paper, unclear);
    }

    /** The slot's value as a number (Alexa sends digits; "?" when it heard a number it could not read). */
    static OptionalDouble number(Slot slot) {
        if (!said(slot)) {
            return OptionalDouble.empty();
        }
        try {
            double n = Double.parseDouble(slot.getValue().trim());
            return Double.isFinite(n) && n > 0 ? OptionalDouble.of(n) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    static boolean said(Slot slot) {
        return slot != null && slot.getValue() != null && !slot.getValue().isBlank();
    }

    /** The id of the model value Alexa matched, if it matched one. */
    static Optional<String> resolved(Slot slot) {
        if (!said(slot) || slot.getResolutions() == null || slot.getResolutions().getResolutionsPerAuthority() == null) {
            return Optional.empty();
        }
        for (Resolution r : slot.getResolutions().getResolutionsPerAuthority()) {
            if (r.getStatus() != null && r.getStatus().getCode() == StatusCode.ER_SUCCESS_MATCH
                    && r.getValues() != null && !r.getValues().isEmpty()) {
                return Optional.ofNullable(r.getValues().get(0).getValue().getId());
            }
        }
        return Optional.empty();
    }

    private static <E extends Enum<E>> Optional<E> named(Class<E> type, String id) {
        try {
            return Optional.of(Enum.valueOf(type, id.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
