package dev.cuddlies.maker;

import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineException;

import java.time.Duration;

/** Gets a picture's outline: from the SageMaker endpoint in the cloud, in-process locally. */
public interface OutlineService {

    /**
     * @throws OutlineException   the picture itself was refused (plain message, user can fix it)
     * @throws ServiceException   the service was slow or failing (the user should try again)
     */
    Outline trace(byte[] picture, Duration timeout) throws OutlineException, ServiceException;

    /** The outline service could not answer; {@link #timedOut()} tells slow from broken. */
    final class ServiceException extends Exception {
        private final boolean timedOut;

        public ServiceException(String message, boolean timedOut, Throwable cause) {
            super(message, cause);
            this.timedOut = timedOut;
        }

        public boolean timedOut() {
            return timedOut;
        }
    }
}
