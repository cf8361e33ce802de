package dev.cuddlies.web;

import java.time.Duration;

/** Makes the form a browser uses to upload one picture straight to storage. */
public interface UploadForms {

    /** A form for exactly {@code key}, usable for {@code validity}. */
    UploadForm form(String key, Duration validity);

    /** Where the forms post to (the page allows connections there). */
    java.net.URI action();
}
