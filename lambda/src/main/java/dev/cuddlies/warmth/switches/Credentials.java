package dev.cuddlies.warmth.switches;

import java.util.function.Supplier;

/** Reads a driver's credential at the moment it is sent; one that cannot be read is a device failure. */
final class Credentials {

    private Credentials() {
    }

    /**
     * @param what names the credential for the message (never its value)
     * @throws DeviceException {@link DeviceException.Kind#FAILED} when it cannot be read, so the warmth
     *                         core's failure path (heater off, a spoken explanation) runs as for any other
     */
    static String read(Supplier<String> credential, String what) throws DeviceException {
        try {
            return credential.get();
        } catch (RuntimeException e) {
            throw new DeviceException(DeviceException.Kind.FAILED, "the " + what + " could not be read");
        }
    }
}
