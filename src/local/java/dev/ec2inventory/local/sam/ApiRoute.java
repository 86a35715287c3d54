package dev.ec2inventory.local.sam;

import java.util.Locale;

/** An {@code Api} event of a function: the HTTP method (upper case, or ANY) and the resource path template. */
public record ApiRoute(String method, String pathTemplate) {

    public ApiRoute {
        method = method.toUpperCase(Locale.ROOT);
        if (!pathTemplate.startsWith("/")) {
            throw new IllegalArgumentException("an Api event's Path starts with '/': " + pathTemplate);
        }
    }
}
