package org.mriworkbench.kernel;

/**
 * A piece of HTML that a notebook shows as HTML rather than as its source text: the value of {@code html("...")}.
 * A record rather than a bare string because a bare string is ordinary text and must stay so.
 *
 * @param html the markup
 */
public record Html(String html) {

    public Html {
        java.util.Objects.requireNonNull(html, "html");
    }

    @Override
    public String toString() {
        return html;
    }
}
